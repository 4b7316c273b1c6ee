using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Api.Tests.Payments;

/// <summary>The billing page shows a purchase's new balance when it hears credits.changed from the events hub.</summary>
public sealed class PurchaseEventTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    private async Task<HubConnection> ListenAsync(BrowserClient user, ConcurrentQueue<JsonElement> received)
    {
        var key = await api.CreateApiKeyAsync(user, scope: "read");
        var connection = EventsHubClient.Build(api, key, received);
        await EventsHubClient.StartAsync(connection, resumeAfter: 0);
        return connection;
    }

    private static async Task<List<JsonElement>> CreditEventsAsync(ConcurrentQueue<JsonElement> received, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<JsonElement> found;
        while ((found = CreditEvents(received)).Count < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        return found;
    }

    private static List<JsonElement> CreditEvents(ConcurrentQueue<JsonElement> received) =>
        received.Where(e => e.GetProperty("type").GetString() == "credits.changed")
            .DistinctBy(e => e.GetProperty("seq").GetInt64()).ToList();

    [Fact]
    public async Task a_paid_checkout_tells_the_users_open_pages_the_new_balance_once_however_often_stripe_delivers_it()
    {
        var user = await api.SignUpAsync();
        var before = (await PaymentsFactory.CreditsAsync(user)).GetProperty("balance").GetInt64();
        var received = new ConcurrentQueue<JsonElement>();
        await using var hub = await ListenAsync(user, received);
        var session = await api.CheckoutAsync(user, "small");
        var body = StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, StripeEvents.NewId("pi_")));

        await (await api.PostStripeEventAsync(body)).EnsureStatusAsync(HttpStatusCode.OK);
        await (await api.PostStripeEventAsync(body)).EnsureStatusAsync(HttpStatusCode.OK);

        var events = await CreditEventsAsync(received, 1);
        var purchase = Assert.Single(events).GetProperty("data");
        Assert.Equal("purchase", purchase.GetProperty("reason").GetString());
        Assert.Equal(500, purchase.GetProperty("amount").GetInt64());
        Assert.Equal(before + 500, purchase.GetProperty("balance").GetInt64());
        Assert.Equal(before + 500, purchase.GetProperty("available").GetInt64());
        // What the event announced is what the page then reads.
        Assert.Equal(before + 500, (await PaymentsFactory.CreditsAsync(user)).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task a_refund_tells_the_user_the_credits_taken_back()
    {
        var user = await api.SignUpAsync();
        var received = new ConcurrentQueue<JsonElement>();
        await using var hub = await ListenAsync(user, received);
        var session = await api.CheckoutAsync(user, "small");
        var paymentIntent = StripeEvents.NewId("pi_");
        await (await api.PostStripeEventAsync(StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, paymentIntent))))
            .EnsureStatusAsync(HttpStatusCode.OK);

        await (await api.PostStripeEventAsync(StripeEvents.Event("charge.refunded", StripeEvents.Charge(paymentIntent, 500, 500))))
            .EnsureStatusAsync(HttpStatusCode.OK);

        var events = await CreditEventsAsync(received, 2);
        Assert.Equal(["purchase", "clawback"], events.OrderBy(e => e.GetProperty("seq").GetInt64()).Select(e => e.GetProperty("data").GetProperty("reason").GetString()));
        var clawback = events.Single(e => e.GetProperty("data").GetProperty("reason").GetString() == "clawback").GetProperty("data");
        Assert.Equal(-500, clawback.GetProperty("amount").GetInt64());
        Assert.Equal((await PaymentsFactory.CreditsAsync(user)).GetProperty("balance").GetInt64(), clawback.GetProperty("balance").GetInt64());
    }
}
