namespace AutoMl.Infrastructure.Datasets;

/// <summary>The Hangfire job the API enqueues and a worker runs; carries only the data set id.</summary>
public interface IIngestDatasetJob
{
    Task RunAsync(Guid datasetId, CancellationToken cancellationToken);
}
