using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Payments;

public sealed class PaymentsOffTests(NoPaymentsFactory api) : IClassFixture<NoPaymentsFactory>
{
    [Fact]
    public async Task without_a_stripe_key_checkout_portal_and_webhook_answer_a_clear_503_and_call_no_one()
    {
        var browser = await api.SignUpAsync();

        var checkout = await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { pack = "small" })).ProblemAsync(HttpStatusCode.ServiceUnavailable);
        var portal = await (await browser.Http.GetAsync("/api/v1/billing/portal")).ProblemAsync(HttpStatusCode.ServiceUnavailable);
        await (await api.CreateClient().PostAsync("/webhooks/stripe", new StringContent("{}"))).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Payments are not configured", checkout.GetProperty("title").GetString());
        Assert.Contains("Stripe__SecretKey", portal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await (await api.CreateClient().GetAsync("/api/v1/billing/catalog")).JsonAsync()).GetProperty("paymentsEnabled").GetBoolean());
        Assert.Empty(api.Stripe.Requests);
    }
}
