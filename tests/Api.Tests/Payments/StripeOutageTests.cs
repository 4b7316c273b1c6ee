using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Payments;

public sealed class StripeOutageTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task a_stripe_outage_answers_a_503_problem_within_seconds_and_the_rest_of_the_api_keeps_serving()
    {
        var browser = await api.SignUpAsync();
        api.Stripe.FailNext(int.MaxValue);
        var clock = Stopwatch.StartNew();

        var problems = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            problems.Add(await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { pack = "small" })).ProblemAsync(HttpStatusCode.ServiceUnavailable));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"four checkouts took {clock.Elapsed}");
        Assert.All(problems, p => Assert.Contains("not been charged", p.GetProperty("detail").GetString(), StringComparison.Ordinal));
        // Retries back off and then the circuit opens: later checkouts fail fast without calling Stripe at all.
        Assert.True(api.Stripe.Requests.Count < 4 * 4, $"{api.Stripe.Requests.Count} calls reached Stripe");
        await (await browser.Http.GetAsync("/api/v1/credits")).EnsureStatusAsync(HttpStatusCode.OK);
    }
}
