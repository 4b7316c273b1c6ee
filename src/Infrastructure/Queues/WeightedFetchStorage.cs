using Hangfire;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace AutoMl.Infrastructure.Queues;

/// <summary>
/// The Redis storage with a weighted fetch (docs/decisions/0004): every connection it hands out
/// reorders the queue list of FetchNextJob; everything else is the inner storage's own.
/// </summary>
public sealed class WeightedFetchStorage : JobStorage
{
    private readonly JobStorage inner;
    private readonly WeightedQueueOrder order;

    public WeightedFetchStorage(JobStorage inner, QueueWeights weights)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.inner = inner;
        order = new WeightedQueueOrder(weights);
        JobExpirationTimeout = inner.JobExpirationTimeout;
    }

    public JobStorage Inner => inner;

    public override bool LinearizableReads => inner.LinearizableReads;

    public override IMonitoringApi GetMonitoringApi() => inner.GetMonitoringApi();

    public override IStorageConnection GetConnection() => new WeightedFetchConnection(inner.GetConnection(), order);

    public override IStorageConnection GetReadOnlyConnection() => new WeightedFetchConnection(inner.GetReadOnlyConnection(), order);

#pragma warning disable CS0618, CS0672 // Hangfire.Redis.StackExchange still brings its watchers as components.
    public override IEnumerable<IServerComponent> GetComponents() => inner.GetComponents();
#pragma warning restore CS0618, CS0672

    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => inner.GetServerRequiredProcesses();

    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => inner.GetStorageWideProcesses();

    public override IEnumerable<IStateHandler> GetStateHandlers() => inner.GetStateHandlers();

    public override void WriteOptionsToLog(ILog logger) => inner.WriteOptionsToLog(logger);

    public override bool HasFeature(string featureId) => inner.HasFeature(featureId);

    public override string ToString() => inner.ToString() ?? nameof(WeightedFetchStorage);
}
