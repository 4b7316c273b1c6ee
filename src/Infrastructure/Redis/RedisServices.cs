using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedLockNet;
using RedLockNet.SERedis;
using RedLockNet.SERedis.Configuration;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Redis;

/// <summary>The one Redis connection of a process and what is built on it; nothing outside Infrastructure sees the client.</summary>
public static class RedisServices
{
    public static IServiceCollection AddAutoMlRedis(this IServiceCollection services, string configuration)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(configuration);
            // The API keeps serving (and falls back where it can) while Redis restarts; with Redis gone a command fails
            // at once instead of waiting out its timeout inside a request (a job's enqueue is left to the dispatcher).
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<IDistributedLockFactory>(sp => RedLockFactory.Create(
            [new RedLockMultiplexer(sp.GetRequiredService<IConnectionMultiplexer>())
            {
                RedisKeyFormat = sp.GetRequiredService<IOptions<PlatformOptions>>().Value.RedisPrefix + "locks:{0}",
            }],
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DistributedLocks>();
        services.AddSingleton<Announcements>();
        services.AddSingleton<RedisProbe>();
        return services;
    }

    /// <summary>The readiness check that Redis answers.</summary>
    public static IHealthChecksBuilder AddRedisCheck(this IHealthChecksBuilder builder, params string[] tags) =>
        builder.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: tags);
}
