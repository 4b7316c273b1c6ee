using AutoMl.Domain.Accounts;

namespace AutoMl.Domain.Registry;

/// <summary>
/// What a tier's endpoints log: every request up to a daily count per endpoint, then one in <see cref="SampleEvery"/>
/// (each row records the rate it was logged at, so counts can be scaled back), kept for <see cref="RetentionDays"/>.
/// </summary>
public sealed record PredictionLogPlan(int DailyCap, int RetentionDays)
{
    public const int SampleEvery = 100;

    public static PredictionLogPlan For(Tier tier) => tier switch
    {
        Tier.Free => new(1_000, 7),
        Tier.Pro => new(100_000, 30),
        Tier.Enterprise => new(1_000_000, 90),
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };
}
