using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Payments;

/// <summary>Ways to keep Pro credits or the Pro tier without paying for them.</summary>
public sealed class SubscriptionAttackTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task a_refunded_pro_invoice_claws_back_its_credits()
    {
        var (browser, _, invoice, charge) = await PaidProInvoiceAsync();
        Assert.Equal(100 + 1000, await BalanceAsync(browser));

        await (await api.PostStripeEventAsync(StripeEvents.Event("charge.refunded", StripeEvents.Charge(charge.PaymentIntent, 1000, 1000, charge.Charge))))
            .EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal(100, await BalanceAsync(browser));
        var entries = await (await browser.Http.GetAsync("/api/v1/credits/entries")).JsonAsync();
        Assert.Contains(entries.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("kind").GetString() == "clawback" && e.GetProperty("amount").GetInt64() == -1000
            && e.GetProperty("reference").GetString()!.Contains(invoice, StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_disputed_pro_invoice_claws_back_its_credits()
    {
        var (browser, _, _, charge) = await PaidProInvoiceAsync();

        // A dispute names the charge; Stripe sends the payment intent too, but the charge alone must be enough.
        var dispute = StripeEvents.Dispute(charge.PaymentIntent, 1000, charge.Charge);
        dispute["payment_intent"] = null;
        await (await api.PostStripeEventAsync(StripeEvents.Event("charge.dispute.created", dispute))).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal(100, await BalanceAsync(browser));
    }

    [Fact]
    public async Task a_retried_invoice_paid_after_cancellation_does_not_restore_pro()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var customer = await ProCustomerAsync(browser);
        var subscription = api.Stripe.Subscribe(customer, user);
        var paidAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        var invoice = StripeEvents.Invoice(customer, subscription, user, 1000);
        api.Stripe.PayInvoice(invoice["id"]!.GetValue<string>(), 1000);
        var paid = StripeEvents.Event("invoice.paid", invoice, created: paidAt);
        // Stripe's first delivery of invoice.paid fails on our side (say a deploy); the subscription is then cancelled.
        var deleted = StripeEvents.Event("customer.subscription.deleted", StripeEvents.Subscription(subscription, customer, user, "canceled"),
            created: paidAt.AddMinutes(10));
        await (await api.PostStripeEventAsync(deleted)).EnsureStatusAsync(HttpStatusCode.OK);

        // Stripe retries the older invoice.paid.
        await (await api.PostStripeEventAsync(paid)).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal("free", await TierAsync(browser));
        // An update that Stripe created before the cancellation is as stale.
        await (await api.PostStripeEventAsync(StripeEvents.Event("customer.subscription.updated",
            StripeEvents.Subscription(subscription, customer, user, "active"), created: paidAt.AddMinutes(5)))).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("free", await TierAsync(browser));
    }

    [Fact]
    public async Task a_new_subscription_after_a_cancelled_one_is_pro_again()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var customer = await ProCustomerAsync(browser);
        var first = api.Stripe.Subscribe(customer, user);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await (await api.PostStripeEventAsync(StripeEvents.Event("customer.subscription.deleted", StripeEvents.Subscription(first, customer, user, "canceled"),
            created: start))).EnsureStatusAsync(HttpStatusCode.OK);

        var second = api.Stripe.Subscribe(customer, user);
        var invoice = StripeEvents.Invoice(customer, second, user, 1000);
        api.Stripe.PayInvoice(invoice["id"]!.GetValue<string>(), 1000);
        await (await api.PostStripeEventAsync(StripeEvents.Event("invoice.paid", invoice, created: start.AddMinutes(20)))).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal("pro", await TierAsync(browser));
    }

    private async Task<(BrowserClient Browser, Guid User, string Invoice, (string PaymentIntent, string Charge) Charge)> PaidProInvoiceAsync()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var customer = await ProCustomerAsync(browser);
        var subscription = api.Stripe.Subscribe(customer, user);
        var invoice = StripeEvents.Invoice(customer, subscription, user, 1000);
        var id = invoice["id"]!.GetValue<string>();
        var charge = api.Stripe.PayInvoice(id, 1000);
        await (await api.PostStripeEventAsync(StripeEvents.Event("invoice.paid", invoice))).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("pro", await TierAsync(browser));
        return (browser, user, id, charge);
    }

    private async Task<string> ProCustomerAsync(BrowserClient browser)
    {
        var checkout = await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro" })).JsonAsync();
        return api.Stripe.Sessions[checkout.GetProperty("url").GetString()!.Split('/')[^1]]["customer"]!.GetValue<string>();
    }

    private static async Task<long> BalanceAsync(BrowserClient browser) =>
        (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64();

    private static async Task<string?> TierAsync(BrowserClient browser) =>
        (await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("tier").GetString();
}
