using AutoMl.Domain.Accounts;

namespace AutoMl.Infrastructure.Payments;

/// <summary>The Stripe customer of a user, and the state of their Pro subscription.</summary>
public sealed class StripeCustomer
{
    public Guid UserId { get; set; }
    public required string CustomerId { get; set; }
    public string? SubscriptionId { get; set; }
    public string? SubscriptionStatus { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When Stripe created the event whose subscription state is stored here. Stripe delivers out of order and retries
    /// for days, so an event older than this one must not set the state (a late invoice.paid would restore Pro).
    /// </summary>
    public DateTimeOffset? SubscriptionEventAt { get; set; }

    public static Tier TierFor(string? subscriptionStatus) =>
        subscriptionStatus is "active" or "trialing" or "past_due" ? Tier.Pro : Tier.Free;
}
