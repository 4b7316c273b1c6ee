using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Datasets;

/// <summary>Deletes a data set's row and the blobs no other data set of the user shares (the API's delete and the lifecycle job).</summary>
public sealed class DatasetRemoval(AutoMlDbContext db, IBlobStore blobs)
{
    public async Task DeleteAsync(Dataset dataset, CancellationToken ct)
    {
        db.Datasets.Remove(dataset);
        await db.SaveChangesAsync(ct);
        // An upload in flight held its room in a reservation with the data set's id.
        await db.StorageReservations.Where(r => r.Id == dataset.Id).ExecuteDeleteAsync(ct);
        if (dataset.UploadId is { } uploadId)
        {
            var staging = BlobKeys.UploadStaging(dataset.UserId, dataset.Id);
            await blobs.AbortPresignedUploadAsync(staging, uploadId, ct);
            await blobs.DeleteAsync(staging, ct);
        }
        var shared = await db.Datasets.AnyAsync(d => d.UserId == dataset.UserId && d.OriginalKey == dataset.OriginalKey, ct);
        if (shared)
        {
            return;
        }
        await blobs.DeleteAsync(dataset.OriginalKey, ct);
        if (dataset.ProcessedKey is { } processed)
        {
            await blobs.DeleteAsync(processed, ct);
        }
        if (dataset.SampleKey is { } sample)
        {
            await blobs.DeleteAsync(sample, ct);
        }
    }
}
