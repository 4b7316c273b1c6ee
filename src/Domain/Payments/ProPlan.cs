namespace AutoMl.Domain.Payments;

/// <summary>The monthly subscription: its price, the credits granted with each paid invoice, and the tier it unlocks.</summary>
public sealed class ProPlan
{
    public string Id { get; set; } = "pro";
    public string Name { get; set; } = "AutoMl Pro";
    public long PriceCents { get; set; } = 1000;
    public long MonthlyCredits { get; set; } = 1000;
}
