using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Queues;

namespace AutoMl.Domain.Pricing;

/// <summary>What a tier buys (DESIGN.md's tiers table): how many jobs at once, the longest budget, and its training queue.</summary>
public sealed record TierPlan(Tier Tier, int ConcurrentJobs, int MaxBudgetSeconds)
{
    public static TierPlan For(Tier tier) => tier switch
    {
        Tier.Free => new(tier, 1, 5 * 60),
        Tier.Pro => new(tier, 4, 60 * 60),
        Tier.Enterprise => new(tier, 16, 6 * 60 * 60),
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };

    public QueueName Queue => JobQueues.For(Tier, JobKind.Train);
}
