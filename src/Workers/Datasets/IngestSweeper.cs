using AutoMl.Domain.Datasets;
using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Datasets;

/// <summary>
/// Postgres is the truth: every minute, data sets waiting for ingest whose job Redis lost, or whose
/// worker died (lease lapsed), are enqueued again; presigned uploads left open past their window are
/// aborted in the store (parts and staging object deleted) and failed, and their quota reservations freed.
/// </summary>
internal sealed class IngestSweeper(AutoMlDbContext db, IBlobStore blobs, TimeProvider clock, IBackgroundJobClient jobs, ILogger<IngestSweeper> logger)
{
    public static readonly TimeSpan QueuedGrace = TimeSpan.FromMinutes(2);

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
        await DropAbandonedUploadsAsync(now - PresignedUploadWindow.AbandonedAfter, ct);
        await db.StorageReservations.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }

    private async Task DropAbandonedUploadsAsync(DateTimeOffset startedBefore, CancellationToken ct)
    {
        var abandoned = await db.Datasets.AsNoTracking()
            .Where(d => d.Status == DatasetStatus.Uploading && d.CreatedAt < startedBefore)
            .OrderBy(d => d.CreatedAt)
            .Take(500)
            .ToListAsync(ct);
        foreach (var upload in abandoned)
        {
            var staging = BlobKeys.UploadStaging(upload.UserId, upload.Id);
            try
            {
                if (upload.UploadId is { } uploadId)
                {
                    await blobs.AbortPresignedUploadAsync(staging, uploadId, ct);
                }
                await blobs.DeleteAsync(staging, ct);
                // A /complete that died between its copy and its commit leaves the copy.
                await blobs.DeleteAsync(upload.OriginalKey, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not drop abandoned upload {DatasetId}; the next sweep tries again", upload.Id);
                continue;
            }
            await db.Datasets.Where(d => d.Id == upload.Id && d.Status == DatasetStatus.Uploading)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DatasetStatus.Failed)
                    .SetProperty(d => d.Error, "The upload was not completed within its hour, so nothing was kept. Upload the file again.")
                    .SetProperty(d => d.SizeBytes, 0)
                    .SetProperty(d => d.UploadId, (string?)null), ct);
            await db.StorageReservations.Where(r => r.Id == upload.Id).ExecuteDeleteAsync(ct);
        }
        if (abandoned.Count > 0)
        {
            logger.LogInformation("Aborted {Count} abandoned upload(s)", abandoned.Count);
        }

        // What no row points at any more: multipart uploads and staging objects (a single-part URL still in its hour
        // can write the staging key again after /complete, at its signed size).
        var orphanUploads = await blobs.AbortMultipartUploadsUnderPrefixAsync(BlobKeys.UploadsRoot, startedBefore, ct);
        var orphanObjects = await blobs.DeleteOlderThanAsync(BlobKeys.UploadsRoot, startedBefore, ct);
        if (orphanUploads + orphanObjects > 0)
        {
            logger.LogInformation("Deleted {Uploads} orphan multipart upload(s) and {Objects} staging object(s)", orphanUploads, orphanObjects);
        }
    }
}
