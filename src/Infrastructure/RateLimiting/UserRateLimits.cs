using AutoMl.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Takes a token from the user's bucket for a route class, or from the buckets of an anonymous
/// request (per client address, per email address): in Redis when it answers, otherwise in this process.
/// </summary>
public sealed class UserRateLimits(
    RedisTokenBuckets redis,
    InProcessTokenBuckets inProcess,
    RedisFallback fallback,
    RateLimitMetrics metrics,
    IOptions<RateLimitOptions> options,
    IOptions<PlatformOptions> platform)
{
    private readonly RateLimitOptions limits = options.Value;

    /// <summary>Every bucket key starts with this.</summary>
    public string Prefix { get; } = platform.Value.RedisPrefix + "ratelimit:";

    public bool UsingFallback => fallback.UsingFallback;

    public async Task<RateLimitDecision> TakeAsync(Guid user, Tier tier, RouteClass routeClass)
    {
        var limit = limits.For(tier, routeClass);
        var key = $"{Prefix}{routeClass.Name()}:{user:N}";
        var decision = (await TakeAllAsync([new NamedBucket(key, limit)]))[0];
        if (!decision.Allowed)
        {
            metrics.Rejected(routeClass.Name(), tier.ToString().ToLowerInvariant());
        }
        return decision;
    }

    /// <summary>
    /// A token from every bucket or (in Redis) from none; the answer is the refusing bucket that frees
    /// up last, or, when allowed, the one with the fewest tokens left.
    /// </summary>
    public async Task<RateLimitDecision> TakeAsync(IReadOnlyList<NamedBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var decisions = await TakeAllAsync(buckets);
        return decisions.All(d => d.Allowed)
            ? decisions.MinBy(d => d.Remaining)!
            : decisions.Where(d => !d.Allowed).MaxBy(d => d.RetryAfter)!;
    }

    private async Task<IReadOnlyList<RateLimitDecision>> TakeAllAsync(IReadOnlyList<NamedBucket> buckets) =>
        await fallback.TryAsync(() => redis.TakeAllAsync(buckets)) ?? TakeInProcess(buckets);

    /// <summary>
    /// In-process buckets cannot take from several atomically: each is asked in turn and the first
    /// refusal stops there, so an earlier bucket may have paid for a refused request (looser, never tighter).
    /// </summary>
    private List<RateLimitDecision> TakeInProcess(IReadOnlyList<NamedBucket> buckets)
    {
        fallback.DecidingInProcess();
        var decisions = new List<RateLimitDecision>();
        foreach (var bucket in buckets)
        {
            var decision = inProcess.Take(bucket.Key, bucket.Limit);
            decisions.Add(decision);
            if (!decision.Allowed)
            {
                break;
            }
        }
        return decisions;
    }
}
