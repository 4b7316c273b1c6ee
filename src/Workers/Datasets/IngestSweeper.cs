using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Queues;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Datasets;

/// <summary>
/// Postgres is the truth: every minute, data sets waiting for ingest whose job Redis lost, or whose
/// worker died (lease lapsed), are enqueued again; uploads abandoned for a day are dropped.
/// </summary>
internal sealed class IngestSweeper(AutoMlDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<IngestSweeper> logger)
{
    public static readonly TimeSpan QueuedGrace = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan AbandonedUpload = TimeSpan.FromDays(1);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = await db.Datasets.AsNoTracking()
            .Where(d => d.Status == DatasetStatus.Ingesting
                && ((d.IngestLeaseUntil == null && d.LastUsedAt < now - QueuedGrace) || d.IngestLeaseUntil < now))
            .Select(d => d.Id)
            .Take(500)
            .ToListAsync(ct);
        foreach (var id in stale)
        {
            jobs.Create<IIngestDatasetJob>(j => j.RunAsync(id, CancellationToken.None), new EnqueuedState(QueueNames.Low));
            // Pushes the grace forward, so a busy queue is not flooded with copies of the same job.
            await db.Datasets.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastUsedAt, now), ct);
        }
        if (stale.Count > 0)
        {
            logger.LogWarning("Re-enqueued {Count} data set(s) whose ingest was lost or whose worker died", stale.Count);
        }
        var abandoned = await db.Datasets
            .Where(d => d.Status == DatasetStatus.Uploading && d.CreatedAt < now - AbandonedUpload)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DatasetStatus.Failed)
                .SetProperty(d => d.Error, "The upload was never completed."), ct);
        if (abandoned > 0)
        {
            logger.LogInformation("Marked {Count} abandoned upload(s) failed", abandoned);
        }
    }
}
