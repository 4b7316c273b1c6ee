using AutoMl.Infrastructure.RateLimiting;

namespace AutoMl.Api.RateLimiting;

internal static class RateLimitingSetup
{
    public static IServiceCollection AddAutoMlRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUserRateLimits(configuration);
        services.AddMemoryCache();
        services.AddSingleton<UserTiers>();
        services.AddHostedService(sp => sp.GetRequiredService<UserTiers>());
        services.AddSingleton<AuthRateLimits>();
        services.AddSingleton<PasswordHashGate>();
        return services;
    }

    /// <summary>After UseAuthentication: the limit is per user and needs to know who is asking.</summary>
    public static IApplicationBuilder UseAutoMlRateLimits(this IApplicationBuilder app) => app.UseMiddleware<RateLimitMiddleware>();
}
