namespace AutoMl.Infrastructure.Payments;

/// <summary>
/// A webhook delivery we refused or could not apply. Stripe keeps no record we can read of its failed deliveries, and
/// a failed one leaves nothing else behind (its transaction rolled back), so the alert rule counts these rows.
/// </summary>
public sealed class WebhookFailure
{
    public Guid Id { get; set; }

    /// <summary>Who sent it: "stripe".</summary>
    public required string Provider { get; set; }

    /// <summary>"signature" (refused: it did not verify) or "processing" (verified, then failed while applied).</summary>
    public required string Kind { get; set; }

    public string? EventId { get; set; }

    /// <summary>What went wrong, in words that name no secret (an exception's type, never its message).</summary>
    public required string Detail { get; set; }

    public DateTimeOffset At { get; set; }
}
