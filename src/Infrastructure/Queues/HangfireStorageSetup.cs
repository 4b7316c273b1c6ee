using Hangfire;
using Hangfire.Redis.StackExchange;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Queues;

public static class HangfireStorageSetup
{
    /// <summary>
    /// A fetched job returns to its queue only after InvisibilityTimeout: it must outlast the longest
    /// training budget (6 h on enterprise) so a running job is never delivered twice; our own lease
    /// brings back the job of a dead worker much sooner.
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromHours(7);

    public static RedisStorage CreateStorage(IConnectionMultiplexer redis, string prefix) =>
        new(redis, new RedisStorageOptions
        {
            Prefix = prefix + "hangfire:",
            InvisibilityTimeout = InvisibilityTimeout,
            Db = 0,
        });

    public static IGlobalConfiguration UseAutoMlDefaults(this IGlobalConfiguration config, RedisStorage storage) =>
        config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage);
}
