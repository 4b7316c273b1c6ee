using AutoMl.Domain.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Takes a token from the user's bucket for a route class: in Redis when it answers, otherwise in
/// this process. The switch is logged once each way, never per request.
/// </summary>
public sealed class UserRateLimits(
    RedisTokenBuckets redis,
    InProcessTokenBuckets inProcess,
    RateLimitMetrics metrics,
    IOptions<RateLimitOptions> options,
    IOptions<PlatformOptions> platform,
    TimeProvider clock,
    ILogger<UserRateLimits> logger)
{
    private readonly RateLimitOptions limits = options.Value;
    private readonly string prefix = platform.Value.RedisPrefix + "ratelimit:";
    private long redisRetryAt;
    private int inFallback;
    private Exception? lastFailure;

    public bool UsingFallback => Volatile.Read(ref inFallback) == 1;

    public async Task<RateLimitDecision> TakeAsync(Guid user, Tier tier, RouteClass routeClass)
    {
        var limit = limits.For(tier, routeClass);
        var key = $"{prefix}{routeClass.Name()}:{user:N}";
        var decision = await TakeFromRedisAsync(key, limit) ?? TakeInProcess(key, limit);
        if (!decision.Allowed)
        {
            metrics.Rejected(routeClass, tier.ToString().ToLowerInvariant());
        }
        return decision;
    }

    private async Task<RateLimitDecision?> TakeFromRedisAsync(string key, BucketLimit limit)
    {
        var now = clock.GetTimestamp();
        if (now < Volatile.Read(ref redisRetryAt) || !redis.IsConnected)
        {
            return null;
        }
        try
        {
            var decision = await redis.TakeAsync(key, limit).WaitAsync(TimeSpan.FromMilliseconds(limits.RedisTimeoutMilliseconds), clock);
            if (Interlocked.Exchange(ref inFallback, 0) == 1)
            {
                logger.LogInformation("Redis answers again: rate limits are shared across API instances again");
            }
            return decision;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            lastFailure = e;
            Volatile.Write(ref redisRetryAt, now + (long)(limits.RedisRetrySeconds * (double)clock.TimestampFrequency));
            return null;
        }
    }

    private RateLimitDecision TakeInProcess(string key, BucketLimit limit)
    {
        if (Interlocked.Exchange(ref inFallback, 1) == 0)
        {
            logger.LogWarning(lastFailure, "Redis cannot answer rate-limit requests: limits are kept in this process, per API instance, until it is back (retried every {Seconds} s)",
                limits.RedisRetrySeconds);
        }
        metrics.DecidedInProcess();
        return inProcess.Take(key, limit);
    }
}
