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

    /// <summary>
    /// How long an idle worker sleeps before it scans the queues again without a wake-up. The storage wakes sleepers by
    /// Redis pub/sub, which may drop a message, and a worker that clears its wake-up flag just after an enqueue published
    /// loses that one too: with the storage's 3-minute default such a job waited for the next enqueue (a data export
    /// waited over a minute in CI). One scan of three queues a second per idle worker bounds the loss.
    /// </summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The Redis storage behind the weighted fetch, so queues are served by weight, not in strict order.</summary>
    public static WeightedFetchStorage CreateStorage(IConnectionMultiplexer redis, string prefix, QueueWeights? weights = null) =>
        new(new RedisStorage(redis, new RedisStorageOptions
        {
            Prefix = prefix + "hangfire:",
            InvisibilityTimeout = InvisibilityTimeout,
            FetchTimeout = FetchTimeout,
            Db = 0,
        }), weights ?? new QueueWeights());

    public static IGlobalConfiguration UseAutoMlDefaults(this IGlobalConfiguration config, JobStorage storage) =>
        config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage);
}
