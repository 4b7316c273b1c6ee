using Microsoft.AspNetCore.SignalR;

namespace AutoMl.Api.Events;

internal static class LiveEventServices
{
    /// <summary>The hub's rate limit and the registry that closes connections whose key or session ended.</summary>
    public static IServiceCollection AddLiveEventGuards(this IServiceCollection services)
    {
        services.AddSingleton<HubInvocationLimit>();
        services.AddSingleton<LiveConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveConnections>());
        services.Configure<HubOptions>(o =>
        {
            o.AddFilter<HubInvocationLimit>();
            o.AddFilter<LiveConnections>();
        });
        return services;
    }
}
