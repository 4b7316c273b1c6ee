namespace AutoMl.Infrastructure.Payments;

/// <summary>A Stripe event applied once; its id as primary key turns every redelivery into a no-op.</summary>
public sealed class StripeEventRecord
{
    public required string Id { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
