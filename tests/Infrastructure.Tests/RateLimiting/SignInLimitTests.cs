using AutoMl.Infrastructure.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure.Tests.RateLimiting;

/// <summary>The limiter pieces the sign-in endpoints use: several buckets at once, and the per-(address, client) throttle.</summary>
public sealed class SignInLimitTests
{
    // Nothing listens on port 1: the multiplexer never connects.
    private const string UnreachableRedis = "127.0.0.1:1,connectRetry=0,connectTimeout=500";

    private static readonly Dictionary<string, string?> FiveFreeAttempts = new()
    {
        ["AutoMl:RateLimits:LoginThrottle:FreeAttempts"] = "5",
        ["AutoMl:RateLimits:LoginThrottle:FirstDelaySeconds"] = "60",
        ["AutoMl:RateLimits:LoginThrottle:MaxDelaySeconds"] = "600",
    };

    [Fact]
    public async Task a_request_refused_by_one_bucket_takes_nothing_from_the_others()
    {
        await using var api = RateLimitStack.OnTestRedis(RateLimitStack.NewPrefix());
        var client = new NamedBucket($"{api.Limits.Prefix}client", new BucketLimit(0.01, 3));
        var address = new NamedBucket($"{api.Limits.Prefix}address", new BucketLimit(0.01, 1));

        var first = await api.Limits.TakeAsync([client, address]);
        var refused = await api.Limits.TakeAsync([client, address]);
        var clientAlone = await api.Limits.TakeAsync([client]);

        Assert.True(first.Allowed);
        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(100));
        Assert.True(clientAlone.Allowed);
        Assert.Equal(1, clientAlone.Remaining);
    }

    [Fact]
    public async Task the_throttle_lets_a_client_try_freely_then_doubles_its_wait()
    {
        await using var api = RateLimitStack.OnTestRedis(RateLimitStack.NewPrefix(), FiveFreeAttempts);
        var waits = await AttemptsAsync(api, "owner@example.com", "ip:10.0.0.1", 6);

        Assert.All(waits[..5], w => Assert.Equal(TimeSpan.Zero, w));
        Assert.InRange(waits[5], TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
        // Another client for the same address, and the same client for another address, are not held back.
        Assert.Equal(TimeSpan.Zero, (await AttemptsAsync(api, "owner@example.com", "ip:10.0.0.2", 1))[0]);
        Assert.Equal(TimeSpan.Zero, (await AttemptsAsync(api, "other@example.com", "ip:10.0.0.1", 1))[0]);
        Assert.False(api.Limits.UsingFallback);
    }

    [Fact]
    public async Task a_success_forgets_the_clients_attempts()
    {
        await using var api = RateLimitStack.OnTestRedis(RateLimitStack.NewPrefix(), FiveFreeAttempts);
        var throttle = api.Services.GetRequiredService<LoginThrottle>();
        await AttemptsAsync(api, "owner@example.com", "ip:10.0.0.1", 4);

        await throttle.SucceededAsync("owner@example.com", "ip:10.0.0.1");

        Assert.All(await AttemptsAsync(api, "owner@example.com", "ip:10.0.0.1", 5), w => Assert.Equal(TimeSpan.Zero, w));
    }

    [Fact]
    public async Task without_redis_the_throttle_keeps_the_same_waits_in_process()
    {
        await using var api = new RateLimitStack(RateLimitStack.NewPrefix(), UnreachableRedis, FiveFreeAttempts);

        var waits = await AttemptsAsync(api, "owner@example.com", "ip:10.0.0.1", 6);

        Assert.All(waits[..5], w => Assert.Equal(TimeSpan.Zero, w));
        Assert.InRange(waits[5], TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
        Assert.True(api.Limits.UsingFallback);
    }

    private static async Task<List<TimeSpan>> AttemptsAsync(RateLimitStack api, string address, string client, int attempts)
    {
        var throttle = api.Services.GetRequiredService<LoginThrottle>();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < attempts; i++)
        {
            waits.Add(await throttle.AttemptAsync(address, client));
        }
        return waits;
    }
}
