using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Queues;

public static class HangfireServices
{
    /// <summary>
    /// Hangfire over our weighted Redis storage, for enqueuing (the API) and serving (the workers). The
    /// storage, activator and filters are registered in DI per host, never through Hangfire's static
    /// JobStorage.Current, so several hosts in one process (tests) each keep their own Redis prefix.
    /// </summary>
    public static IServiceCollection AddAutoMlHangfire(this IServiceCollection services, QueueWeights? weights = null)
    {
        services.AddSingleton<JobStorage>(sp => HangfireStorageSetup.CreateStorage(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<PlatformOptions>>().Value.RedisPrefix, weights));
        // Hangfire's default is the process-wide JobActivator.Current: the last host to start would build every host's jobs.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IHostJobFilter, KeepQueueOnRetry>();
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var own = new JobFilterCollection();
            foreach (var filter in sp.GetServices<IHostJobFilter>())
            {
                own.Add(filter);
            }
            return new JobFilterProviderCollection(JobFilterProviders.Providers, own);
        });
        services.AddHangfire(config => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        var client = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
        services.Remove(client);
        services.AddSingleton<IBackgroundJobClient>(sp => new GuardedJobClient(client.ImplementationFactory is { } build
            ? (IBackgroundJobClient)build(sp)
            : new BackgroundJobClient(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IJobFilterProvider>())));
        return services;
    }
}

/// <summary>A Hangfire filter that belongs to one host (it resolves that host's services), added by <see cref="HangfireServices"/>.</summary>
public interface IHostJobFilter;
