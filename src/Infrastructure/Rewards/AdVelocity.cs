using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Rewards;

public sealed record RiskScore(int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Counts claims per user, device, claimed IP and sending address in the current hour (one Lua script, one round trip)
/// and turns the counts into a risk score. When Redis is down the claim scores a little higher instead of failing:
/// rewards never depend on Redis. Device and IP come from custom_data, which the viewer's app sets and can rotate; the
/// sending address is real but Google's, so it weighs less than the review threshold on its own.
/// </summary>
public sealed class AdVelocity(IConnectionMultiplexer redis, IOptions<AdMobOptions> options, IOptions<PlatformOptions> platform,
    TimeProvider clock, ILogger<AdVelocity> logger)
{
    private const string CountScript = """
        local counts = {}
        for i, key in ipairs(KEYS) do
          counts[i] = redis.call('INCR', key)
          if counts[i] == 1 then redis.call('EXPIRE', key, 3700) end
        end
        return counts
        """;

    public async Task<RiskScore> ScoreAsync(Guid userId, string? deviceId, string? ip, string? source)
    {
        var o = options.Value;
        var hour = clock.GetUtcNow().ToUnixTimeSeconds() / 3600;
        var prefix = platform.Value.RedisPrefix + "adv:";
        var reasons = new List<string>();
        var score = 0;
        if (deviceId is null)
        {
            score += 10;
            reasons.Add("no device id");
        }
        try
        {
            RedisKey[] keys =
            [
                $"{prefix}user:{userId}:{hour}",
                $"{prefix}device:{deviceId ?? "none"}:{hour}",
                $"{prefix}ip:{ip ?? "none"}:{hour}",
                $"{prefix}source:{source ?? "none"}:{hour}",
            ];
            var counts = (long[])(await redis.GetDatabase().ScriptEvaluateAsync(CountScript, keys))!;
            score += Over(counts[0], o.UserPerHour, 50, "user", reasons);
            score += deviceId is null ? 0 : Over(counts[1], o.DevicePerHour, 30, "device", reasons);
            score += ip is null ? 0 : Over(counts[2], o.IpPerHour, 30, "ip", reasons);
            score += source is null ? 0 : Over(counts[3], o.SourcePerHour, 20, "source", reasons);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Ad velocity unavailable (Redis); scoring the claim without it");
            score += 20;
            reasons.Add("velocity unknown");
        }
        return new RiskScore(score, reasons);
    }

    private static int Over(long count, int limit, int weight, string what, List<string> reasons)
    {
        if (count <= limit)
        {
            return 0;
        }
        reasons.Add($"{what} {count}/h over {limit}");
        return weight;
    }
}
