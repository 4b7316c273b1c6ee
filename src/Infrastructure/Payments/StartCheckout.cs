using System.Globalization;
using AutoMl.Domain.Payments;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe.Checkout;

namespace AutoMl.Infrastructure.Payments;

public abstract record CheckoutResult
{
    public sealed record Started(string Url, string SessionId) : CheckoutResult;
    public sealed record UnknownProduct(string Product) : CheckoutResult;
    public sealed record AlreadySubscribed : CheckoutResult;
    public sealed record NoUser : CheckoutResult;
}

/// <summary>Creates a Stripe Checkout Session for a credit pack (mode payment) or the Pro plan (mode subscription).</summary>
public sealed class StartCheckout(
    AutoMlDbContext db,
    StripeCustomers customers,
    StripeGateway stripe,
    IOptions<BillingCatalog> catalog,
    IOptions<PlatformOptions> platform)
{
    public async Task<CheckoutResult> RunAsync(Guid userId, string product, string? clientKey, CancellationToken ct)
    {
        var billing = catalog.Value;
        var pack = billing.FindPack(product);
        if (pack is null && !billing.IsPlan(product))
        {
            return new CheckoutResult.UnknownProduct(product);
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email }).SingleOrDefaultAsync(ct);
        if (user?.Email is null)
        {
            return new CheckoutResult.NoUser();
        }
        if (pack is null && await db.Set<StripeCustomer>().AnyAsync(c => c.UserId == userId && (c.SubscriptionStatus == "active" || c.SubscriptionStatus == "trialing"), ct))
        {
            return new CheckoutResult.AlreadySubscribed();
        }
        var customerId = await customers.EnsureAsync(userId, user.Email, ct);
        var options = pack is not null ? ForPack(billing, pack, userId) : ForPlan(billing, billing.Pro, userId);
        options.Customer = customerId;
        options.ClientReferenceId = userId.ToString();
        var baseUrl = platform.Value.PublicUrl.TrimEnd('/');
        // The billing page waits for a pack's purchase by the session id; a plan's credits come with its first invoice.
        options.SuccessUrl = $"{baseUrl}/billing?checkout=success&session_id={{CHECKOUT_SESSION_ID}}" + (pack is null ? $"&plan={billing.Pro.Id}" : "");
        options.CancelUrl = $"{baseUrl}/billing?checkout=cancelled";
        var key = $"checkout:{userId}:{product}:{clientKey ?? Guid.NewGuid().ToString("N")}";
        var session = await stripe.CreateCheckoutAsync(options, key, ct);
        return new CheckoutResult.Started(session.Url, session.Id);
    }

    private static SessionCreateOptions ForPack(BillingCatalog billing, CreditPack pack, Guid userId)
    {
        var metadata = new Dictionary<string, string>
        {
            ["user_id"] = userId.ToString(),
            ["product"] = pack.Id,
            ["credits"] = pack.Credits.ToString(CultureInfo.InvariantCulture),
        };
        return new SessionCreateOptions
        {
            Mode = "payment",
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new(metadata) },
            LineItems = [Line(billing.Currency, pack.Name, pack.PriceCents, recurring: false)],
        };
    }

    private static SessionCreateOptions ForPlan(BillingCatalog billing, ProPlan plan, Guid userId) => new()
    {
        Mode = "subscription",
        Metadata = new() { ["product"] = plan.Id, ["user_id"] = userId.ToString() },
        // Stripe copies these onto the subscription and each of its invoices, so invoice.paid names the user even when it
        // arrives before checkout.session.completed.
        SubscriptionData = new SessionSubscriptionDataOptions { Metadata = new() { ["product"] = plan.Id, ["user_id"] = userId.ToString() } },
        LineItems = [Line(billing.Currency, plan.Name, plan.PriceCents, recurring: true)],
    };

    private static SessionLineItemOptions Line(string currency, string name, long cents, bool recurring) => new()
    {
        Quantity = 1,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = currency,
            UnitAmount = cents,
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
            Recurring = recurring ? new SessionLineItemPriceDataRecurringOptions { Interval = "month" } : null,
        },
    };
}
