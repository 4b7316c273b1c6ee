using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure.RateLimiting;

public static class RateLimitingServices
{
    /// <summary>Per-user token buckets (Redis first, in-process when it is unreachable); needs the Redis multiplexer and PlatformOptions.</summary>
    public static IServiceCollection AddUserRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddMetrics();
        services.AddSingleton<RedisTokenBuckets>();
        services.AddSingleton<InProcessTokenBuckets>();
        services.AddSingleton<RateLimitMetrics>();
        services.AddSingleton<RedisFallback>();
        services.AddSingleton<UserRateLimits>();
        services.AddSingleton<InProcessLoginThrottle>();
        services.AddSingleton<LoginThrottle>();
        return services;
    }
}
