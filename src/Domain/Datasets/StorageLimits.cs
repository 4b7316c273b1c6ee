using AutoMl.Domain.Accounts;

namespace AutoMl.Domain.Datasets;

/// <summary>How much a tier may upload at once, store in all, and for how long unused data sets are kept.</summary>
public sealed record StorageLimits(long MaxUploadBytes, long QuotaBytes, int RetentionDays)
{
    private const long MiB = 1024L * 1024;
    private const long GiB = 1024 * MiB;

    public static StorageLimits For(Tier tier) => tier switch
    {
        Tier.Free => new(1 * GiB, 2 * GiB, 30),
        Tier.Pro => new(10 * GiB, 100 * GiB, 180),
        Tier.Enterprise => new(50 * GiB, 1024 * GiB, 180),
    };

    /// <summary>Data sets are warned about this long before the lifecycle job deletes them.</summary>
    public static TimeSpan WarningLead => TimeSpan.FromDays(7);
}
