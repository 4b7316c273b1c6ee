using AutoMl.Infrastructure.RateLimiting;
using AutoMl.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Tests.RateLimiting;

/// <summary>
/// One "API instance" worth of rate limiting, wired as the API wires it, on a Redis key prefix that
/// several instances in a test can share.
/// </summary>
public sealed class RateLimitStack : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public RateLimitStack(string prefix, string redis, IDictionary<string, string?>? settings = null)
    {
        Log = new CapturedLog();
        // A loaded test machine can take longer than production's 250 ms; these tests are about the Redis bucket, not the timeout.
        var all = new Dictionary<string, string?> { ["AutoMl:RateLimits:RedisTimeoutMilliseconds"] = "5000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddProvider(Log));
        collection.Configure<PlatformOptions>(o => o.RedisPrefix = prefix);
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        collection.AddUserRateLimits(configuration);
        services = collection.BuildServiceProvider();
    }

    public static string NewPrefix() => $"test:{Guid.NewGuid():N}:";

    public static RateLimitStack OnTestRedis(string prefix, IDictionary<string, string?>? settings = null) => new(prefix, TestStack.Redis, settings);

    public CapturedLog Log { get; }

    public IServiceProvider Services => services;

    public UserRateLimits Limits => services.GetRequiredService<UserRateLimits>();

    public RedisTokenBuckets Buckets => services.GetRequiredService<RedisTokenBuckets>();

    public async Task<List<RateLimitDecision>> TakeAsync(Guid user, int requests, Domain.Accounts.Tier tier = Domain.Accounts.Tier.Free,
        RouteClass routeClass = RouteClass.General)
    {
        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < requests; i++)
        {
            decisions.Add(await Limits.TakeAsync(user, tier, routeClass));
        }
        return decisions;
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
