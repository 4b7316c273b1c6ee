using Hangfire;

namespace AutoMl.Infrastructure.Exports;

/// <summary>The Hangfire job the API enqueues (low queue) and a worker runs: writes one export's zip. Carries only the export id.</summary>
public interface IExportJob
{
    const int MaxAttempts = 3;

    // On the interface, because Hangfire reads filters from the type and method it stores (see IIngestDatasetJob).
    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [10, 60])]
    Task RunAsync(Guid exportId, CancellationToken cancellationToken);
}
