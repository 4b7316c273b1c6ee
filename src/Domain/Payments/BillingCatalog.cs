namespace AutoMl.Domain.Payments;

/// <summary>The "Billing" configuration section: what can be bought. Packs bound from configuration replace the defaults.</summary>
public sealed class BillingCatalog
{
    public const string Section = "Billing";

    public string Currency { get; set; } = "usd";
    public List<CreditPack> Packs { get; set; } = [];
    public ProPlan Pro { get; set; } = new();

    /// <summary>The packs offered when configuration names none (new objects each call: options own what they bind).</summary>
    public static List<CreditPack> DefaultPacks() =>
    [
        new() { Id = "small", Name = "500 credits", Credits = 500, PriceCents = 500 },
        new() { Id = "medium", Name = "1,200 credits", Credits = 1200, PriceCents = 1000 },
        new() { Id = "large", Name = "3,000 credits", Credits = 3000, PriceCents = 2000 },
    ];

    public CreditPack? FindPack(string id) =>
        Packs.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    public bool IsPlan(string id) => string.Equals(Pro.Id, id, StringComparison.OrdinalIgnoreCase);
}
