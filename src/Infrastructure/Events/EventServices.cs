using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Events;

public static class EventServices
{
    /// <summary>SignalR over the Redis backplane, in the API (hub endpoints) and the workers (senders only).</summary>
    public static IServiceCollection AddAutoMlEvents(this IServiceCollection services, string redisConfiguration, string redisPrefix)
    {
        services.AddSignalR(o => o.EnableDetailedErrors = false)
            .AddStackExchangeRedis(redisConfiguration, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(redisPrefix + "signalr");
                o.Configuration.AbortOnConnectFail = false;
                // A send while Redis is gone fails at once (clients resume from Postgres) rather than holding a request.
                o.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            });
        services.AddScoped<EventPublisher>();
        services.AddSingleton<EventSendMarks>();
        // In every process that publishes: each marks its own sends, and either one re-sends what the other lost.
        services.AddHostedService<EventRelay>();
        return services;
    }
}
