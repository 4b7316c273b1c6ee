using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Payments;

/// <summary>
/// Every address the billing flow hands a user (Checkout's way back, the portal's, the receipt's link) is the dashboard's
/// /billing page, which the browser spec billing.test.mjs opens in each of these states.
/// </summary>
public sealed partial class BillingLinkTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    private const string Billing = "http://127.0.0.1:8080/billing";

    [Fact]
    public async Task checkout_the_portal_and_the_receipt_all_lead_back_to_the_billing_page()
    {
        var user = await api.SignUpAsync();
        var id = await PaymentsFactory.UserIdAsync(user);
        var pack = await api.CheckoutAsync(user, "small");
        await (await api.PostStripeEventAsync(StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(pack, StripeEvents.NewId("pi_")))))
            .EnsureStatusAsync(HttpStatusCode.OK);
        var plan = await (await user.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro" })).JsonAsync();
        var portal = await (await user.Http.GetAsync("/api/v1/billing/portal")).JsonAsync();

        Assert.Equal($"{Billing}?checkout=success&session_id={{CHECKOUT_SESSION_ID}}", pack["success_url"]!.GetValue<string>());
        Assert.Equal($"{Billing}?checkout=cancelled", pack["cancel_url"]!.GetValue<string>());
        var planSession = api.Stripe.Sessions[plan.GetProperty("url").GetString()!.Split('/')[^1]];
        Assert.Equal($"{Billing}?checkout=success&session_id={{CHECKOUT_SESSION_ID}}&plan=pro", planSession["success_url"]!.GetValue<string>());
        Assert.Equal($"{Billing}?checkout=cancelled", planSession["cancel_url"]!.GetValue<string>());
        var portalSession = api.Stripe.PortalSessions[portal.GetProperty("url").GetString()!.Split('/')[^1]];
        Assert.Equal(Billing, portalSession["return_url"]!.GetValue<string>());
        var receipt = await api.InDbAsync(db => db.OutboxEmails.SingleAsync(e => e.UserId == id && e.Template == "payment-receipt"));
        Assert.Equal([Billing], Links().Matches(receipt.TextBody).Select(m => m.Value));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
