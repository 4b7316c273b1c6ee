namespace AutoMl.Domain.Payments;

/// <summary>A one-off purchase: a number of credits for a price in the smallest currency unit (cents).</summary>
public sealed class CreditPack
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public long Credits { get; set; }
    public long PriceCents { get; set; }
}
