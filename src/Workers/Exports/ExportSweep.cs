using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Exports;
using AutoMl.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Exports;

/// <summary>
/// Every minute: deletes the zips of exports past their 24 hours (the row stays, as expired), and hands exports whose
/// job Redis lost, or whose worker died, to a worker again. Postgres is the truth; Hangfire only moves the work.
/// </summary>
internal sealed class ExportSweep(AutoMlDbContext db, IBlobStore blobs, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ExportSweep> logger)
{
    public static readonly TimeSpan QueuedGrace = TimeSpan.FromMinutes(2);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await ExpireAsync(now, ct);

        var lapsed = await db.DataExports.Where(e => e.Status == DataExportStatus.Running && e.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DataExportStatus.Queued).SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null), ct);
        var lost = await db.DataExports.AsNoTracking()
            .Where(e => e.Status == DataExportStatus.Queued && e.CreatedAt < now - QueuedGrace && (e.LeaseUntil == null || e.LeaseUntil < now))
            .Select(e => e.Id).Take(500).ToListAsync(ct);
        foreach (var id in lost)
        {
            ExportEnqueuer.Enqueue(jobs, id);
            // On a queued row the lease only spaces the re-enqueues out, so a busy queue is not flooded with copies.
            await db.DataExports.Where(e => e.Id == id && e.Status == DataExportStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, now + QueuedGrace), ct);
        }
        if (lost.Count > 0 || lapsed > 0)
        {
            logger.LogWarning("Re-enqueued {Count} export(s) whose job was lost or whose worker died", lost.Count);
        }
    }

    private async Task ExpireAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.DataExports.Where(e => e.Status == DataExportStatus.Ready && e.ExpiresAt <= now).Take(500).ToListAsync(ct);
        foreach (var export in due)
        {
            if (export.BlobKey is { } key)
            {
                await blobs.DeleteAsync(key, ct);
            }
            export.Status = DataExportStatus.Expired;
            export.BlobKey = null;
            await db.SaveChangesAsync(ct);
        }
        if (due.Count > 0)
        {
            logger.LogInformation("Deleted {Count} expired export(s)", due.Count);
        }
    }
}
