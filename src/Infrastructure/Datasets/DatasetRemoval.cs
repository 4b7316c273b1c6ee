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
        var shared = await db.Datasets.AnyAsync(d => d.UserId == dataset.UserId && d.OriginalKey == dataset.OriginalKey, ct);
        if (shared)
        {
            return;
        }
        if (dataset.UploadId is { } uploadId)
        {
            await blobs.AbortPresignedUploadAsync(dataset.OriginalKey, uploadId, ct);
        }
        await blobs.DeleteAsync(dataset.OriginalKey, ct);
        if (dataset.ProcessedKey is { } processed)
        {
            await blobs.DeleteAsync(processed, ct);
        }
    }
}
