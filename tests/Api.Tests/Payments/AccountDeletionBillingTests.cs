using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Payments;

/// <summary>Deleting an account must not leave a subscription billing a card nobody can reach any more.</summary>
public sealed class AccountDeletionBillingTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task deleting_an_account_cancels_its_stripe_subscription()
    {
        var (browser, user, subscription) = await SubscribedAsync();

        await (await browser.Http.DeleteAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.NoContent);

        var cancel = Assert.Single(api.Stripe.Requests, r => r.Method == "DELETE" && r.Path == $"/v1/subscriptions/{subscription}");
        Assert.Equal($"Bearer {api.StripeKey}", cancel.Header("Authorization"));
        Assert.Equal("canceled", api.Stripe.Subscriptions[subscription]["status"]!.GetValue<string>());
        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Id == user)));
    }

    [Fact]
    public async Task deleting_an_account_while_stripe_is_down_is_a_503_and_deletes_nothing()
    {
        var (browser, user, subscription) = await SubscribedAsync();
        api.Stripe.FailNext(int.MaxValue);
        try
        {
            var problem = await (await browser.Http.DeleteAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.ServiceUnavailable);

            Assert.Contains("has not been deleted", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Id == user)));
            Assert.Equal("active", api.Stripe.Subscriptions[subscription]["status"]!.GetValue<string>());
            await (await browser.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        }
        finally
        {
            api.Stripe.FailNext(0);
        }
    }

    private async Task<(BrowserClient Browser, Guid User, string Subscription)> SubscribedAsync()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var checkout = await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro" })).JsonAsync();
        var customer = api.Stripe.Sessions[checkout.GetProperty("url").GetString()!.Split('/')[^1]]["customer"]!.GetValue<string>();
        var subscription = api.Stripe.Subscribe(customer, user);
        await (await api.PostStripeEventAsync(StripeEvents.Event("customer.subscription.updated",
            StripeEvents.Subscription(subscription, customer, user, "active")))).EnsureStatusAsync(HttpStatusCode.OK);
        return (browser, user, subscription);
    }
}
