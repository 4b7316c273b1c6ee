using StackExchange.Redis;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Token buckets kept in Redis and updated by one script per request: refill by the time elapsed,
/// then take a token or say how long until one is there. The clock is Redis's own (TIME), so every
/// API instance sharing a bucket agrees on it whatever their clocks say.
/// </summary>
public sealed class RedisTokenBuckets(IConnectionMultiplexer redis)
{
    // KEYS[1] bucket; ARGV[1] tokens per second, ARGV[2] burst. Returns {allowed, remaining, wait ms, ms until full}.
    private const string TakeScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
        local perMs = tonumber(ARGV[1]) / 1000
        local burst = tonumber(ARGV[2])
        local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(bucket[1])
        local at = tonumber(bucket[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        end
        tokens = math.min(burst, tokens + math.max(0, now - at) * perMs)
        local allowed = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 - tokens) / perMs)
        end
        local untilFull = math.ceil((burst - tokens) / perMs)
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
        redis.call('PEXPIRE', KEYS[1], untilFull + 1000)
        return { allowed, math.floor(tokens), wait, untilFull }
        """;

    public bool IsConnected => redis.IsConnected;

    public async Task<RateLimitDecision> TakeAsync(string key, BucketLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            TakeScript, [key], [limit.PerSecond, limit.Burst]))!;
        return new RateLimitDecision(
            Allowed: (long)result[0] == 1,
            Remaining: (int)(long)result[1],
            RetryAfter: TimeSpan.FromMilliseconds((long)result[2]),
            UntilFull: TimeSpan.FromMilliseconds((long)result[3]),
            Limit: limit);
    }
}
