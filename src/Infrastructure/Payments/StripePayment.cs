namespace AutoMl.Infrastructure.Payments;

/// <summary>
/// A payment that credited an account (a pack's checkout or a subscription invoice). Refunds and disputes find it by
/// charge, or by payment intent when the charge was not known at payment time; CreditsReversed keeps a refund and a later dispute of the same charge from taking more than was bought.
/// </summary>
public sealed class StripePayment
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The checkout session (cs_…) or invoice (in_…) that paid.</summary>
    public required string Reference { get; set; }
    public string? PaymentIntentId { get; set; }

    /// <summary>The charge (ch_…) when Stripe named it: an invoice paid by a charge without a payment intent has only this.</summary>
    public string? ChargeId { get; set; }
    public required string Product { get; set; }
    public long Credits { get; set; }
    public long AmountCents { get; set; }
    public required string Currency { get; set; }
    public long CreditsReversed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
