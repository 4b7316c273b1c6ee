using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Tests.RateLimiting;

public sealed class RedisTokenBucketTests
{
    private readonly string prefix = RateLimitStack.NewPrefix();

    private static Dictionary<string, string?> FreeGeneral(double perSecond, int burst) => new()
    {
        ["AutoMl:RateLimits:Free:General:PerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AutoMl:RateLimits:Free:General:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task a_full_bucket_allows_its_burst_then_refuses_with_the_wait_for_the_next_token()
    {
        await using var api = RateLimitStack.OnTestRedis(prefix, FreeGeneral(perSecond: 0.1, burst: 5));

        var decisions = await api.TakeAsync(Guid.NewGuid(), 6);

        Assert.All(decisions[..5], d => Assert.True(d.Allowed));
        Assert.Equal([4, 3, 2, 1, 0], decisions[..5].Select(d => d.Remaining));
        var refused = decisions[5];
        Assert.False(refused.Allowed);
        // One token takes 10 s at a tenth of a token per second; the calls before ate a little of that.
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.InRange(refused.UntilFull, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(50));
        Assert.False(api.Limits.UsingFallback);
    }

    [Fact]
    public async Task an_empty_bucket_refills_with_time()
    {
        await using var api = RateLimitStack.OnTestRedis(prefix, FreeGeneral(perSecond: 4, burst: 3));
        var user = Guid.NewGuid();
        var refused = await DrainAsync(api, user);

        // A timer may fire a millisecond early; the API rounds Retry-After up to whole seconds anyway.
        await Task.Delay(refused.RetryAfter + TimeSpan.FromMilliseconds(20));
        Assert.True((await api.TakeAsync(user, 1))[0].Allowed);

        // Three tokens take 0.75 s at four per second: a full bucket again, however slow the machine.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(await api.TakeAsync(user, 3), d => Assert.True(d.Allowed));
        Assert.False(api.Limits.UsingFallback);
    }

    [Fact]
    public async Task two_api_instances_share_one_bucket()
    {
        var settings = FreeGeneral(perSecond: 0.1, burst: 4);
        await using var first = RateLimitStack.OnTestRedis(prefix, settings);
        await using var second = RateLimitStack.OnTestRedis(prefix, settings);
        var user = Guid.NewGuid();

        var fromFirst = await first.TakeAsync(user, 2);
        var fromSecond = await second.TakeAsync(user, 2);

        Assert.All(fromFirst.Concat(fromSecond), d => Assert.True(d.Allowed));
        Assert.Equal(0, fromSecond[1].Remaining);
        Assert.False((await first.TakeAsync(user, 1))[0].Allowed);
        Assert.False((await second.TakeAsync(user, 1))[0].Allowed);
    }

    [Fact]
    public async Task each_route_class_and_user_has_a_bucket_of_its_own()
    {
        await using var api = RateLimitStack.OnTestRedis(prefix, FreeGeneral(perSecond: 0.1, burst: 2));
        var user = Guid.NewGuid();
        Assert.False((await api.TakeAsync(user, 3))[2].Allowed);

        Assert.True((await api.TakeAsync(user, 1, routeClass: RouteClass.JobSubmission))[0].Allowed);
        Assert.True((await api.TakeAsync(user, 1, routeClass: RouteClass.Prediction))[0].Allowed);
        Assert.True((await api.TakeAsync(Guid.NewGuid(), 1))[0].Allowed);
    }

    [Fact]
    public async Task the_tier_sizes_the_bucket()
    {
        await using var api = RateLimitStack.OnTestRedis(prefix);

        var free = await api.TakeAsync(Guid.NewGuid(), 20, Tier.Free);
        var pro = await api.TakeAsync(Guid.NewGuid(), 25, Tier.Pro);

        Assert.All(free.Concat(pro), d => Assert.True(d.Allowed));
        Assert.Equal(new BucketLimit(5, 20), free[0].Limit);
        Assert.Equal(new BucketLimit(50, 200), pro[0].Limit);
    }

    [Fact]
    public async Task a_bucket_left_alone_expires_from_redis()
    {
        await using var api = RateLimitStack.OnTestRedis(prefix, FreeGeneral(perSecond: 0.5, burst: 2));
        var user = Guid.NewGuid();
        await api.TakeAsync(user, 1);

        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync($"{prefix}ratelimit:general:{user:N}");

        // Full again 2 s after the last request, so Redis drops it a second later instead of keeping every user forever.
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3));
    }

    private static async Task<RateLimitDecision> DrainAsync(RateLimitStack api, Guid user)
    {
        for (var i = 0; i < 100; i++)
        {
            var decision = (await api.TakeAsync(user, 1))[0];
            if (!decision.Allowed)
            {
                return decision;
            }
        }
        throw new Xunit.Sdk.XunitException("the bucket never ran dry");
    }
}
