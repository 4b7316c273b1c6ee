using System.Threading.RateLimiting;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// The same buckets inside this process, for when Redis cannot answer: each API instance then limits
/// on its own, which is looser behind several instances but keeps the API serving.
/// </summary>
public sealed class InProcessTokenBuckets : IDisposable
{
    private readonly PartitionedRateLimiter<BucketKey> limiter = PartitionedRateLimiter.Create<BucketKey, BucketKey>(
        key => RateLimitPartition.GetTokenBucketLimiter(key, Options));

    public RateLimitDecision Take(string key, BucketLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var bucket = new BucketKey(key, limit.PerSecond, limit.Burst);
        using var lease = limiter.AttemptAcquire(bucket);
        var remaining = (int)(limiter.GetStatistics(bucket)?.CurrentAvailablePermits ?? 0);
        var retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : TimeSpan.FromSeconds(1 / limit.PerSecond);
        var untilFull = TimeSpan.FromSeconds((limit.Burst - remaining) / limit.PerSecond);
        return new RateLimitDecision(lease.IsAcquired, remaining, retryAfter, untilFull, limit);
    }

    public void Dispose() => limiter.Dispose();

    /// <summary>
    /// Refills in small steps (a tenth of a second's worth, at least one token) so the average rate is
    /// the configured one; the partitioned limiter's own timer drives the refill and drops idle buckets.
    /// </summary>
    private static TokenBucketRateLimiterOptions Options(BucketKey key)
    {
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(key.PerSecond / 10));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = key.Burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / key.PerSecond),
            QueueLimit = 0,
            AutoReplenishment = false,
        };
    }

    private readonly record struct BucketKey(string Key, double PerSecond, int Burst);
}
