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

    public static Tier TierFor(string? subscriptionStatus) =>
        subscriptionStatus is "active" or "trialing" or "past_due" ? Tier.Pro : Tier.Free;
}
