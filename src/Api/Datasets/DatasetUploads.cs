using AutoMl.Domain.Datasets;
using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>Turns a stored upload into a data set row and its ingest job; a file the user already has reuses its twin.</summary>
internal sealed class DatasetUploads(AutoMlDbContext db, IBlobStore blobs, IBackgroundJobClient jobs, DatasetQuota quota, WorkflowTriggers workflows, TimeProvider clock)
{
    /// <summary>Stores the file and its row, turning <paramref name="reservation"/> into the row's bytes.</summary>
    /// <param name="lineage">The lineage the file becomes the next version of; null for a new data set.</param>
    /// <returns>The data set, or why the quota no longer has room for it (then nothing is stored).</returns>
    public async Task<(Dataset? Dataset, string? Problem)> AcceptAsync(Guid user, string name, UploadedFile file, Guid reservation, CancellationToken ct, Guid? lineage = null)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var twin = await db.Datasets.AsNoTracking()
            .Where(d => d.UserId == user && d.Sha256 == file.Sha256 && d.Status == DatasetStatus.Ready)
            .OrderByDescending(d => d.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (twin is not null)
        {
            var copy = TwinOf(twin, id, name, now);
            copy.LineageId = lineage ?? id;
            // The twin's blob is counted already: the copy adds no bytes.
            var full = await quota.ConvertAsync(user, reservation, 0, () => AddAsync(copy, ct), ct);
            if (full is null && lineage is { } followed)
            {
                await workflows.VersionAddedAsync(followed, ct);
            }
            return full is null ? (copy, null) : (null, full);
        }

        var format = DatasetFormats.FromFileName(file.FileName ?? name) ?? "auto";
        var key = BlobKeys.DatasetOriginal(user, id, format == "auto" ? "bin" : format);
        // The blob first: a crash here leaves an unreferenced blob, never a data set row without its file.
        await blobs.PutFileAsync(key, file.Path, ct);
        var dataset = new Dataset
        {
            Id = id,
            UserId = user,
            Name = name,
            Status = DatasetStatus.Ingesting,
            Format = format,
            SizeBytes = file.Length,
            Sha256 = file.Sha256,
            OriginalKey = key,
            CreatedAt = now,
            LastUsedAt = now,
            LineageId = lineage ?? id,
        };
        var problem = await quota.ConvertAsync(user, reservation, file.Length, () => AddAsync(dataset, ct), ct);
        if (problem is not null)
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
            return (null, problem);
        }
        Enqueue(jobs, dataset.Id);
        if (lineage is { } next)
        {
            await workflows.VersionAddedAsync(next, ct);
        }
        return (dataset, null);
    }

    /// <summary>Runs under the user's quota lock, which is what keeps two versions from taking the same number.</summary>
    private async Task AddAsync(Dataset dataset, CancellationToken ct)
    {
        await DatasetLineage.NumberAsync(db, dataset, ct);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Hands the data set to a worker; if Redis loses the job, the ingest sweeper enqueues it again.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, Guid datasetId) =>
        jobs.Create<IIngestDatasetJob>(j => j.RunAsync(datasetId, CancellationToken.None), new EnqueuedState(QueueNames.Low));

    private static Dataset TwinOf(Dataset twin, Guid id, string name, DateTimeOffset now) => new()
    {
        Id = id,
        UserId = twin.UserId,
        Name = name,
        Status = DatasetStatus.Ready,
        Format = twin.Format,
        SizeBytes = twin.SizeBytes,
        Sha256 = twin.Sha256,
        OriginalKey = twin.OriginalKey,
        ProcessedKey = twin.ProcessedKey,
        Rows = twin.Rows,
        ColumnsJson = twin.ColumnsJson,
        PreviewJson = twin.PreviewJson,
        TargetSuggestion = twin.TargetSuggestion,
        TaskSuggestion = twin.TaskSuggestion,
        CreatedAt = now,
        LastUsedAt = now,
    };
}
