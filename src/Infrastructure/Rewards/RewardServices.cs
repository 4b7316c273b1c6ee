using AutoMl.Infrastructure.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure.Rewards;

public static class RewardServices
{
    public static IServiceCollection AddRewards(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdMobOptions>(configuration.GetSection(AdMobOptions.Section));
        services.AddHttpClient(AdMobKeyStore.HttpClientName).AddOutsideCallResilience(retryUnsafeMethods: false);
        services.AddSingleton<AdMobKeyStore>();
        services.AddScoped<AdVelocity>();
        services.AddScoped<ClaimAdReward>();
        services.AddScoped<ReviewAdClaim>();
        return services;
    }
}
