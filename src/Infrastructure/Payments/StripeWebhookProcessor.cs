using System.Globalization;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Credits;
using AutoMl.Domain.Events;
using AutoMl.Domain.Payments;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Events;
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
/// and Stripe's retry applies it cleanly. The credits.changed events are stored in that transaction too and go out when
/// it commits, so a client never hears of credits that rolled back nor misses credits that did (the billing page waits
/// for that event to show a purchase's new balance).
/// </summary>
public sealed class StripeWebhookProcessor(
    AutoMlDbContext db,
    CreditLedger ledger,
    EmailTemplates emails,
    EventPublisher events,
    StripeGateway stripe,
    IOptions<StripeOptions> stripeOptions,
    IOptions<BillingCatalog> catalog,
    TimeProvider clock,
    Audit.AuditTrail audit,
    Accounts.AccountAnnouncements accounts,
    ILogger<StripeWebhookProcessor> logger)
{
    /// <summary>The account whose tier this event changed, told to every API instance once the change commits.</summary>
    private Guid? tierChanged;

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
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var applied = (stripeEvent.Type, stripeEvent.Data?.Object) switch
        {
            (EventTypes.CheckoutSessionCompleted, Session s) => await CheckoutCompletedAsync(s, created, stripeEvent.Id, ct),
            (EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session s) => await CreditPackAsync(s, stripeEvent.Id, ct),
            (EventTypes.InvoicePaid, Invoice i) => await InvoicePaidAsync(i, created, stripeEvent.Id, ct),
            (EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted, Subscription s) => await SubscriptionChangedAsync(s, created, ct),
            (EventTypes.ChargeRefunded, Charge c) => await ReverseAsync(stripeEvent.Id, c.Id, c.PaymentIntentId, payment =>
                Clawback.CreditsFor(payment.Credits, payment.AmountCents, c.AmountRefunded) - payment.CreditsReversed, "Refund", ct),
            (EventTypes.ChargeDisputeCreated, Dispute d) => await ReverseAsync(stripeEvent.Id, d.ChargeId, d.PaymentIntentId, payment =>
                Clawback.CreditsFor(payment.Credits, payment.AmountCents, d.Amount), "Dispute", ct),
            _ => false,
        };
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (tierChanged is { } user)
        {
            await accounts.TierChangedAsync(user);
        }
        logger.LogInformation("Stripe event {EventId} ({Type}) {Outcome}", stripeEvent.Id, stripeEvent.Type, applied ? "applied" : "ignored");
        return applied ? WebhookOutcome.Applied : WebhookOutcome.Ignored;
    }

    private async Task<bool> CheckoutCompletedAsync(Session session, DateTimeOffset eventCreated, string eventId, CancellationToken ct)
    {
        if (session.Mode == "subscription")
        {
            if (UserOf(session.ClientReferenceId, session.Metadata) is not { } user)
            {
                return false;
            }
            await LinkCustomerAsync(user, session.CustomerId, session.SubscriptionId, "active", eventCreated, ct);
            return true;
        }
        // Bank debits and vouchers complete unpaid; checkout.session.async_payment_succeeded credits them later.
        return session.PaymentStatus == "paid" && await CreditPackAsync(session, eventId, ct);
    }

    private async Task<bool> CreditPackAsync(Session session, string eventId, CancellationToken ct)
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
        await CreditsChangedAsync(user, "purchase", credits, result, eventId, ct);
        // A session names its payment intent, not the charge; refunds and disputes carry both, so the intent finds it.
        await RecordPaymentAsync(user, session.Id, session.PaymentIntentId, null, pack?.Name ?? productId, credits, session.AmountTotal ?? 0, session.Currency ?? catalog.Value.Currency, ct);
        return true;
    }

    private async Task<bool> InvoicePaidAsync(Invoice invoice, DateTimeOffset eventCreated, string eventId, CancellationToken ct)
    {
        var details = invoice.Parent?.SubscriptionDetails;
        var user = UserOf(null, details?.Metadata) ?? await UserOfCustomerAsync(invoice.CustomerId, ct);
        if (details is null || user is not { } id)
        {
            logger.LogInformation("Invoice {InvoiceId} is not for one of our subscriptions; nothing granted", invoice.Id);
            return false;
        }
        var plan = catalog.Value.Pro;
        // Asked before the credit, so a Stripe hiccup fails the event (Stripe retries it) with nothing half-applied.
        var paidBy = await PaidByAsync(invoice, ct);
        var result = await ledger.CreditAsync(id, plan.MonthlyCredits, CreditEntryKind.Grant, $"{plan.Name} monthly credits (Stripe {invoice.Id})", $"stripe:{invoice.Id}", ct);
        if (!result.Applied)
        {
            return false;
        }
        await CreditsChangedAsync(id, "grant", plan.MonthlyCredits, result, eventId, ct);
        await LinkCustomerAsync(id, invoice.CustomerId, details.SubscriptionId, "active", eventCreated, ct);
        await RecordPaymentAsync(id, invoice.Id, paidBy?.PaymentIntentId, paidBy?.ChargeId ?? paidBy?.PaymentIntent?.LatestChargeId, plan.Name, plan.MonthlyCredits, invoice.AmountPaid, invoice.Currency ?? catalog.Value.Currency, ct);
        return true;
    }

    /// <summary>
    /// The payment intent or charge that paid the invoice. Since API version 2025-03-31 an invoice names neither; its
    /// payments are an includable list that events leave out, so they are read from Stripe unless the event carries them.
    /// </summary>
    private async Task<InvoicePaymentPayment?> PaidByAsync(Invoice invoice, CancellationToken ct)
    {
        var payments = invoice.Payments?.Data is { Count: > 0 } included ? included
            : invoice.AmountPaid > 0 && stripeOptions.Value.IsConfigured ? await stripe.InvoicePaymentsAsync(invoice.Id, ct)
            : [];
        var paid = payments.Where(p => p.Status == "paid" && p.Payment is not null).ToList();
        if (paid.Count > 1)
        {
            logger.LogWarning("Invoice {InvoiceId} was paid in {Count} payments; only the largest is recorded for refunds and disputes", invoice.Id, paid.Count);
        }
        var payment = paid.OrderByDescending(p => p.AmountPaid ?? 0).FirstOrDefault()?.Payment;
        if (payment is null && invoice.AmountPaid > 0)
        {
            logger.LogWarning("Invoice {InvoiceId} has no paid payment on Stripe; a refund of it will find nothing to take back", invoice.Id);
        }
        return payment;
    }

    private async Task<bool> SubscriptionChangedAsync(Subscription subscription, DateTimeOffset eventCreated, CancellationToken ct)
    {
        var user = UserOf(null, subscription.Metadata) ?? await UserOfCustomerAsync(subscription.CustomerId, ct);
        if (user is not { } id)
        {
            logger.LogWarning("Subscription {SubscriptionId} belongs to no user we know; tier unchanged", subscription.Id);
            return false;
        }
        return await LinkCustomerAsync(id, subscription.CustomerId, subscription.Id, subscription.Status, eventCreated, ct);
    }

    private async Task<bool> ReverseAsync(string eventId, string? chargeId, string? paymentIntentId, Func<StripePayment, long> creditsToTake, string why, CancellationToken ct)
    {
        if (chargeId is null && paymentIntentId is null)
        {
            return false;
        }
        // By charge, which every refund and dispute names; by payment intent for payments recorded without their charge.
        var payment = await db.Set<StripePayment>()
            .FromSql($"SELECT * FROM stripe_payments WHERE charge_id = {chargeId} OR payment_intent_id = {paymentIntentId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (payment is null)
        {
            logger.LogWarning("{Why} of charge {ChargeId} (payment intent {PaymentIntentId}), which credited nothing here; nothing taken back", why, chargeId, paymentIntentId);
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
            await CreditsChangedAsync(payment.UserId, "clawback", -take, result, eventId, ct);
            payment.CreditsReversed += take;
            logger.LogInformation("{Why}: took back {Credits} credits of payment {Reference}; {Owed} owed", why, take, payment.Reference, result.Owed);
        }
        return result.Applied;
    }

    /// <summary>Stored in the event's transaction, sent when it commits.</summary>
    private Task<EventMessage> CreditsChangedAsync(Guid user, string reason, long amount, LedgerResult result, string eventId, CancellationToken ct) =>
        events.PublishAsync(user, null, new CreditsChanged(reason, amount, null, result.Balance, result.Balance - result.Held, result.Owed, eventId), ct);

    private async Task RecordPaymentAsync(Guid user, string reference, string? paymentIntentId, string? chargeId, string product, long credits, long amountCents, string currency, CancellationToken ct)
    {
        db.Set<StripePayment>().Add(new StripePayment
        {
            Id = Guid.CreateVersion7(),
            UserId = user,
            Reference = reference,
            PaymentIntentId = paymentIntentId,
            ChargeId = chargeId,
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

    /// <summary>
    /// Stores the subscription state an event carries, unless a newer event already set it: Stripe delivers out of order
    /// and retries for days, so a late invoice.paid must not revive a deleted subscription. A cancelled subscription
    /// stays cancelled whatever arrives later for it (Stripe never reactivates one). The tier follows the stored state.
    /// </summary>
    private async Task<bool> LinkCustomerAsync(Guid user, string? customerId, string? subscriptionId, string? status, DateTimeOffset eventCreated, CancellationToken ct)
    {
        if (customerId is null)
        {
            logger.LogWarning("Subscription event for {UserId} names no customer; tier unchanged", user);
            return false;
        }
        var now = clock.GetUtcNow();
        var stored = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO stripe_customers (user_id, customer_id, subscription_id, subscription_status, subscription_event_at, updated_at)
            VALUES ({user}, {customerId}, {subscriptionId}, {status}, {eventCreated}, {now})
            ON CONFLICT (user_id) DO UPDATE SET subscription_id = excluded.subscription_id, subscription_status = excluded.subscription_status,
                subscription_event_at = excluded.subscription_event_at, updated_at = excluded.updated_at
            WHERE (stripe_customers.subscription_event_at IS NULL OR stripe_customers.subscription_event_at <= excluded.subscription_event_at)
              AND NOT (stripe_customers.subscription_id IS NOT DISTINCT FROM excluded.subscription_id
                       AND stripe_customers.subscription_status IN ('canceled', 'incomplete_expired')
                       AND excluded.subscription_status IS DISTINCT FROM stripe_customers.subscription_status)
            """, ct);
        if (stored == 0)
        {
            logger.LogInformation("Subscription {SubscriptionId} of {UserId}: a newer event already set its state; {Status} from an event of {Created} not applied",
                subscriptionId, user, status, eventCreated);
            return false;
        }
        var tier = StripeCustomer.TierFor(status);
        // Enterprise is granted by hand, never taken away or given by a Pro subscription.
        if (await db.Users.Where(u => u.Id == user && u.Tier != Tier.Enterprise && u.Tier != tier).ExecuteUpdateAsync(s => s.SetProperty(u => u.Tier, tier), ct) == 1)
        {
            // Only free and pro move here, so the tier before was the other one.
            var before = tier == Tier.Pro ? Tier.Free : Tier.Pro;
            await audit.RecordAsync(new Audit.AuditEntry(Audit.AuditActions.TierChange, "stripe", user, TargetType: "account", TargetId: user.ToString(),
                Detail: $"{before.ToString().ToLowerInvariant()} → {tier.ToString().ToLowerInvariant()}: subscription {subscriptionId} is {status}."), ct);
            tierChanged = user;
        }
        return true;
    }

    private async Task<Guid?> UserOfCustomerAsync(string? customerId, CancellationToken ct) =>
        customerId is null ? null : await db.Set<StripeCustomer>().Where(c => c.CustomerId == customerId).Select(c => (Guid?)c.UserId).SingleOrDefaultAsync(ct);

    private static Guid? UserOf(string? clientReference, Dictionary<string, string>? metadata) =>
        Guid.TryParse(clientReference, out var id) ? id
        : metadata is not null && metadata.TryGetValue("user_id", out var m) && Guid.TryParse(m, out var fromMetadata) ? fromMetadata
        : null;
}
