using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Growing waits between sign-in attempts for one email address from one client: after FreeAttempts,
/// each next attempt must wait 1, 2, 4, … seconds (up to MaxDelaySeconds). Kept per (address, client),
/// so a stranger guessing from their own client slows only themselves, never the owner elsewhere; a
/// success forgets that client's attempts. Every attempt counts as it starts, before the password is
/// checked, so parallel requests cannot slip past the wait, and an address without an account is
/// throttled exactly like one with.
/// </summary>
public sealed class LoginThrottle(
    IConnectionMultiplexer redis,
    InProcessLoginThrottle inProcess,
    RedisFallback fallback,
    IOptions<RateLimitOptions> options,
    IOptions<PlatformOptions> platform)
{
    // KEYS[1] the (address, client) state; ARGV: free attempts, first delay ms, max delay ms, forget ms.
    // Returns {allowed, wait ms}.
    private const string AttemptScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'attempts', 'next')
        local attempts = tonumber(state[1]) or 0
        local nextAt = tonumber(state[2]) or 0
        if now < nextAt then
          return { 0, nextAt - now }
        end
        attempts = attempts + 1
        local delay = 0
        local free = tonumber(ARGV[1])
        if attempts >= free then
          delay = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * math.pow(2, math.min(attempts - free, 40)))
        end
        redis.call('HSET', KEYS[1], 'attempts', attempts, 'next', now + math.floor(delay))
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + math.floor(delay))
        return { 1, 0 }
        """;

    private readonly LoginThrottleOptions settings = options.Value.LoginThrottle;
    private readonly string prefix = platform.Value.RedisPrefix + "login-throttle:";

    /// <summary>Zero when the attempt may go ahead, else how long until this client may try this address again.</summary>
    public async Task<TimeSpan> AttemptAsync(string address, string client)
    {
        var key = Key(address, client);
        var wait = await fallback.TryAsync(async () =>
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(AttemptScript, [key],
                [Math.Max(1, settings.FreeAttempts), Milliseconds(settings.FirstDelaySeconds), Milliseconds(settings.MaxDelaySeconds),
                    Milliseconds(settings.ForgetAfterSeconds)]))!;
            return (object)TimeSpan.FromMilliseconds((long)result[1]);
        });
        if (wait is TimeSpan fromRedis)
        {
            return fromRedis;
        }
        fallback.DecidingInProcess();
        return inProcess.Attempt(key, settings);
    }

    /// <summary>After a successful sign-in: this client starts afresh for this address.</summary>
    public async Task SucceededAsync(string address, string client)
    {
        var key = Key(address, client);
        inProcess.Forget(key);
        await fallback.TryAsync(async () => (object)await redis.GetDatabase().KeyDeleteAsync(key));
    }

    /// <summary>The address is hashed so the key names no one's email.</summary>
    private string Key(string address, string client) =>
        $"{prefix}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)))[..32]}:{client}";

    private static long Milliseconds(double seconds) => (long)Math.Max(0, seconds * 1000);
}
