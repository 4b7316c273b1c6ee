using AutoMl.Domain.Accounts;

namespace AutoMl.Domain.Pricing;

/// <summary>What a tier buys (DESIGN.md's tiers table): its queue, how many jobs at once, the longest budget.</summary>
public sealed record TierPlan(string Queue, int ConcurrentJobs, int MaxBudgetSeconds)
{
    public static TierPlan For(Tier tier) => tier switch
    {
        Tier.Free => new("normal", 1, 5 * 60),
        Tier.Pro => new("high", 4, 60 * 60),
        Tier.Enterprise => new("high", 16, 6 * 60 * 60),
    };
}
