using AutoMl.Infrastructure.Audit;
using Hangfire;

namespace AutoMl.Workers.Audit;

/// <summary>Daily: moves audit rows past their retention to Parquet in the blob store, a stretch at a time.</summary>
internal sealed class AuditArchiveJob(AuditArchiver archiver, ILogger<AuditArchiveJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(600)]
    public async Task RunAsync(CancellationToken ct)
    {
        // A run archives at most AuditArchiver.MaxRows; a backlog drains over the following runs, which is soon enough.
        var run = await archiver.RunAsync(ct);
        if (run.Rows > 0)
        {
            logger.LogInformation("Archived {Rows} audit rows to {BlobKey}", run.Rows, run.BlobKey);
        }
    }
}
