using System.Globalization;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Credits;
using AutoMl.Domain.Payments;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AutoMl.Infrastructure.Payments;

public enum WebhookOutcome
{
    Applied = 0,
    Replayed = 1,
    Ignored = 2,
}

/// <summary>
/// Applies a verified Stripe event exactly once: the event id is inserted first (a concurrent redelivery waits on that
/// row and then finds it), and the event's effects commit in the same transaction, so a failure leaves nothing behind
/// and Stripe's retry applies it cleanly.
/// </summary>
public sealed class StripeWebhookProcessor(
    AutoMlDbContext db,
    CreditLedger ledger,
    EmailTemplates emails,
    IOptions<BillingCatalog> catalog,
    TimeProvider clock,
    ILogger<StripeWebhookProcessor> logger)
{
    public async Task<WebhookOutcome> RunAsync(Event stripeEvent, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO stripe_events (id, type, received_at) VALUES ({stripeEvent.Id}, {stripeEvent.Type}, {clock.GetUtcNow()}) ON CONFLICT (id) DO NOTHING", ct);
        if (inserted == 0)
        {
            logger.LogInformation("Stripe event {EventId} ({Type}) replayed: acknowledged, not applied again", stripeEvent.Id, stripeEvent.Type);
            return WebhookOutcome.Replayed;
        }
        var applied = (stripeEvent.Type, stripeEvent.Data?.Object) switch
        {
            (EventTypes.CheckoutSessionCompleted, Session s) => await CheckoutCompletedAsync(s, ct),
            (EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session s) => await CreditPackAsync(s, ct),
            (EventTypes.InvoicePaid, Invoice i) => await InvoicePaidAsync(i, ct),
            (EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted, Subscription s) => await SubscriptionChangedAsync(s, ct),
            (EventTypes.ChargeRefunded, Charge c) => await ReverseAsync(stripeEvent.Id, c.PaymentIntentId, payment =>
                Clawback.CreditsFor(payment.Credits, payment.AmountCents, c.AmountRefunded) - payment.CreditsReversed, "Refund", ct),
            (EventTypes.ChargeDisputeCreated, Dispute d) => await ReverseAsync(stripeEvent.Id, d.PaymentIntentId, payment =>
                Clawback.CreditsFor(payment.Credits, payment.AmountCents, d.Amount), "Dispute", ct),
            _ => false,
        };
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Stripe event {EventId} ({Type}) {Outcome}", stripeEvent.Id, stripeEvent.Type, applied ? "applied" : "ignored");
        return applied ? WebhookOutcome.Applied : WebhookOutcome.Ignored;
    }

    private async Task<bool> CheckoutCompletedAsync(Session session, CancellationToken ct)
    {
        if (session.Mode == "subscription")
        {
            if (UserOf(session.ClientReferenceId, session.Metadata) is not { } user)
            {
                return false;
            }
            await LinkCustomerAsync(user, session.CustomerId, session.SubscriptionId, "active", ct);
            return true;
        }
        // Bank debits and vouchers complete unpaid; checkout.session.async_payment_succeeded credits them later.
        return session.PaymentStatus == "paid" && await CreditPackAsync(session, ct);
    }

    private async Task<bool> CreditPackAsync(Session session, CancellationToken ct)
    {
        if (UserOf(session.ClientReferenceId, session.Metadata) is not { } user)
        {
            return false;
        }
        var productId = session.Metadata.GetValueOrDefault("product") ?? "";
        var pack = catalog.Value.FindPack(productId);
        long credits = session.Metadata.TryGetValue("credits", out var c) && long.TryParse(c, CultureInfo.InvariantCulture, out var n) ? n : pack?.Credits ?? 0;
        if (credits <= 0)
        {
            logger.LogWarning("Checkout session {SessionId} names no pack we sell ({Product}); nothing credited", session.Id, productId);
            return false;
        }
        var result = await ledger.CreditAsync(user, credits, CreditEntryKind.Purchase, $"{pack?.Name ?? productId} (Stripe {session.Id})", $"stripe:{session.Id}", ct);
        if (!result.Applied)
        {
            return false;
        }
        await RecordPaymentAsync(user, session.Id, session.PaymentIntentId, pack?.Name ?? productId, credits, session.AmountTotal ?? 0, session.Currency ?? catalog.Value.Currency, ct);
        return true;
    }

    private async Task<bool> InvoicePaidAsync(Invoice invoice, CancellationToken ct)
    {
        var details = invoice.Parent?.SubscriptionDetails;
        var user = UserOf(null, details?.Metadata) ?? await UserOfCustomerAsync(invoice.CustomerId, ct);
        if (details is null || user is not { } id)
        {
            logger.LogInformation("Invoice {InvoiceId} is not for one of our subscriptions; nothing granted", invoice.Id);
            return false;
        }
        var plan = catalog.Value.Pro;
        var result = await ledger.CreditAsync(id, plan.MonthlyCredits, CreditEntryKind.Grant, $"{plan.Name} monthly credits (Stripe {invoice.Id})", $"stripe:{invoice.Id}", ct);
        if (!result.Applied)
        {
            return false;
        }
        await LinkCustomerAsync(id, invoice.CustomerId, details.SubscriptionId, "active", ct);
        await RecordPaymentAsync(id, invoice.Id, null, plan.Name, plan.MonthlyCredits, invoice.AmountPaid, invoice.Currency ?? catalog.Value.Currency, ct);
        return true;
    }

    private async Task<bool> SubscriptionChangedAsync(Subscription subscription, CancellationToken ct)
    {
        var user = UserOf(null, subscription.Metadata) ?? await UserOfCustomerAsync(subscription.CustomerId, ct);
        if (user is not { } id)
        {
            logger.LogWarning("Subscription {SubscriptionId} belongs to no user we know; tier unchanged", subscription.Id);
            return false;
        }
        await LinkCustomerAsync(id, subscription.CustomerId, subscription.Id, subscription.Status, ct);
        return true;
    }

    private async Task<bool> ReverseAsync(string eventId, string? paymentIntentId, Func<StripePayment, long> creditsToTake, string why, CancellationToken ct)
    {
        if (paymentIntentId is null)
        {
            return false;
        }
        var payment = await db.Set<StripePayment>()
            .FromSql($"SELECT * FROM stripe_payments WHERE payment_intent_id = {paymentIntentId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (payment is null)
        {
            logger.LogWarning("{Why} of payment intent {PaymentIntentId}, which credited nothing here; nothing taken back", why, paymentIntentId);
            return false;
        }
        var take = Math.Min(creditsToTake(payment), payment.Credits - payment.CreditsReversed);
        if (take <= 0)
        {
            return false;
        }
        var result = await ledger.DebitAsync(payment.UserId, take, CreditEntryKind.Clawback, $"{why} of {payment.Product} (Stripe {payment.Reference})",
            $"stripe:{eventId}", allowOwed: true, ct);
        if (result.Applied)
        {
            payment.CreditsReversed += take;
            logger.LogInformation("{Why}: took back {Credits} credits of payment {Reference}; {Owed} owed", why, take, payment.Reference, result.Owed);
        }
        return result.Applied;
    }

    private async Task RecordPaymentAsync(Guid user, string reference, string? paymentIntentId, string product, long credits, long amountCents, string currency, CancellationToken ct)
    {
        db.Set<StripePayment>().Add(new StripePayment
        {
            Id = Guid.CreateVersion7(),
            UserId = user,
            Reference = reference,
            PaymentIntentId = paymentIntentId,
            Product = product,
            Credits = credits,
            AmountCents = amountCents,
            Currency = currency,
            CreatedAt = clock.GetUtcNow(),
        });
        if (await db.Users.AsNoTracking().Where(u => u.Id == user).Select(u => u.Email).SingleOrDefaultAsync(ct) is { } email)
        {
            emails.PaymentReceipt(user, email, product, credits, amountCents, currency, reference);
        }
    }

    private async Task LinkCustomerAsync(Guid user, string? customerId, string? subscriptionId, string? status, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (customerId is not null)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO stripe_customers (user_id, customer_id, subscription_id, subscription_status, updated_at)
                VALUES ({user}, {customerId}, {subscriptionId}, {status}, {now})
                ON CONFLICT (user_id) DO UPDATE SET subscription_id = excluded.subscription_id, subscription_status = excluded.subscription_status, updated_at = excluded.updated_at
                """, ct);
        }
        var tier = StripeCustomer.TierFor(status);
        // Enterprise is granted by hand, never taken away or given by a Pro subscription.
        await db.Users.Where(u => u.Id == user && u.Tier != Tier.Enterprise).ExecuteUpdateAsync(s => s.SetProperty(u => u.Tier, tier), ct);
    }

    private async Task<Guid?> UserOfCustomerAsync(string? customerId, CancellationToken ct) =>
        customerId is null ? null : await db.Set<StripeCustomer>().Where(c => c.CustomerId == customerId).Select(c => (Guid?)c.UserId).SingleOrDefaultAsync(ct);

    private static Guid? UserOf(string? clientReference, Dictionary<string, string>? metadata) =>
        Guid.TryParse(clientReference, out var id) ? id
        : metadata is not null && metadata.TryGetValue("user_id", out var m) && Guid.TryParse(m, out var fromMetadata) ? fromMetadata
        : null;
}
