using StackExchange.Redis;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Token buckets kept in Redis and updated by one script per request: refill by the time elapsed,
/// then take a token from every bucket named or, if one is empty, from none and say how long until
/// they all have one. The clock is Redis's own (TIME), so every API instance sharing a bucket agrees
/// on it whatever their clocks say.
/// </summary>
public sealed class RedisTokenBuckets(IConnectionMultiplexer redis)
{
    // KEYS: buckets; ARGV: tokens per second and burst of each, in pairs. Returns, per bucket,
    // {allowed, remaining, wait ms, ms until full}; nothing is taken unless every bucket has a token,
    // so a request refused by one bucket does not use up another (per address after per client).
    private const string TakeScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
        local tokens = {}
        local refused = false
        for i, key in ipairs(KEYS) do
          local perMs = tonumber(ARGV[2 * i - 1]) / 1000
          local burst = tonumber(ARGV[2 * i])
          local bucket = redis.call('HMGET', key, 'tokens', 'at')
          local left = tonumber(bucket[1])
          local at = tonumber(bucket[2])
          if left == nil or at == nil then
            left = burst
            at = now
          end
          left = math.min(burst, left + math.max(0, now - at) * perMs)
          tokens[i] = left
          if left < 1 then
            refused = true
          end
        end
        local result = {}
        for i, key in ipairs(KEYS) do
          local perMs = tonumber(ARGV[2 * i - 1]) / 1000
          local burst = tonumber(ARGV[2 * i])
          local left = tokens[i]
          local allowed = 0
          local wait = 0
          if left < 1 then
            wait = math.ceil((1 - left) / perMs)
          elseif not refused then
            left = left - 1
            allowed = 1
          end
          local untilFull = math.ceil((burst - left) / perMs)
          redis.call('HSET', key, 'tokens', left, 'at', now)
          redis.call('PEXPIRE', key, untilFull + 1000)
          table.insert(result, { allowed, math.floor(left), wait, untilFull })
        end
        return result
        """;

    public bool IsConnected => redis.IsConnected;

    public async Task<RateLimitDecision> TakeAsync(string key, BucketLimit limit) =>
        (await TakeAllAsync([new NamedBucket(key, limit)]))[0];

    /// <summary>One decision per bucket, in order; either every one is allowed or none is.</summary>
    public async Task<IReadOnlyList<RateLimitDecision>> TakeAllAsync(IReadOnlyList<NamedBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var keys = buckets.Select(b => (RedisKey)b.Key).ToArray();
        var args = buckets.SelectMany(b => new RedisValue[] { b.Limit.PerSecond, b.Limit.Burst }).ToArray();
        var results = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, keys, args))!;
        return results.Select((r, i) =>
        {
            var result = (RedisResult[])r!;
            return new RateLimitDecision(
                Allowed: (long)result[0] == 1,
                Remaining: (int)(long)result[1],
                RetryAfter: TimeSpan.FromMilliseconds((long)result[2]),
                UntilFull: TimeSpan.FromMilliseconds((long)result[3]),
                Limit: buckets[i].Limit);
        }).ToList();
    }
}
