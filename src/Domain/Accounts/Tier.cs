namespace AutoMl.Domain.Accounts;

public enum Tier
{
    Free = 0,
    Pro = 1,
    Enterprise = 2,
}

public static class TierNames
{
    public static IReadOnlyList<string> Names { get; } = ["free", "pro", "enterprise"];

    public static string Name(this Tier tier) => tier switch
    {
        Tier.Free => "free",
        Tier.Pro => "pro",
        Tier.Enterprise => "enterprise",
    };

    /// <summary>A tier's name in any case; numbers and unknown names are refused rather than guessed at.</summary>
    public static bool TryParse(string? name, out Tier tier)
    {
        foreach (var candidate in Enum.GetValues<Tier>())
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                tier = candidate;
                return true;
            }
        }
        tier = Tier.Free;
        return false;
    }
}
