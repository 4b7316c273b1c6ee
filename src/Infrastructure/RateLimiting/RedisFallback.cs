using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Whether limits are asked of Redis or kept in this process: after a Redis failure or timeout every
/// limit (token buckets, sign-in throttle) stays in-process for a while, then Redis is tried again.
/// The switch is logged once each way, never per request.
/// </summary>
public sealed class RedisFallback(
    IConnectionMultiplexer redis,
    RateLimitMetrics metrics,
    IOptions<RateLimitOptions> options,
    TimeProvider clock,
    ILogger<UserRateLimits> logger)
{
    private readonly RateLimitOptions limits = options.Value;
    private long redisRetryAt;
    private int inFallback;
    private Exception? lastFailure;

    public bool UsingFallback => Volatile.Read(ref inFallback) == 1;

    /// <summary>The call's answer, or nothing when Redis is down, slow, or in its retry pause: then decide in-process.</summary>
    public async Task<T?> TryAsync<T>(Func<Task<T>> call) where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        var now = clock.GetTimestamp();
        if (now < Volatile.Read(ref redisRetryAt) || !redis.IsConnected)
        {
            return null;
        }
        try
        {
            var answer = await call().WaitAsync(TimeSpan.FromMilliseconds(limits.RedisTimeoutMilliseconds), clock);
            if (Interlocked.Exchange(ref inFallback, 0) == 1)
            {
                logger.LogInformation("Redis answers again: rate limits are shared across API instances again");
            }
            return answer;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            lastFailure = e;
            Volatile.Write(ref redisRetryAt, now + (long)(limits.RedisRetrySeconds * (double)clock.TimestampFrequency));
            return null;
        }
    }

    /// <summary>Called before each in-process decision.</summary>
    public void DecidingInProcess()
    {
        if (Interlocked.Exchange(ref inFallback, 1) == 0)
        {
            logger.LogWarning(lastFailure, "Redis cannot answer rate-limit requests: limits are kept in this process, per API instance, until it is back (retried every {Seconds} s)",
                limits.RedisRetrySeconds);
        }
        metrics.DecidedInProcess();
    }
}
