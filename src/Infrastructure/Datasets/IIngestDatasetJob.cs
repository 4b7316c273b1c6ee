using Hangfire;

namespace AutoMl.Infrastructure.Datasets;

/// <summary>The Hangfire job the API enqueues and a worker runs; carries only the data set id.</summary>
public interface IIngestDatasetJob
{
    /// <summary>Attempts before the data set is marked failed.</summary>
    const int MaxAttempts = 3;

    // On the interface, because Hangfire reads filters from the type and method it stores (see ITrainJob).
    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [5, 30])]
    Task RunAsync(Guid datasetId, CancellationToken cancellationToken);
}
