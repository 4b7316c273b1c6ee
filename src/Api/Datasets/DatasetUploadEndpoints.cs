using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>
/// Presigned direct uploads: the bytes go from the client to the store; the API only signs and completes. Each URL
/// is signed with its part's exact Content-Length and lives an hour, and writes a staging key: the data set's own key
/// is written by the API's copy, once /complete has checked the real size against the declared one and the quota.
/// </summary>
internal static class DatasetUploadEndpoints
{
    public static void MapDatasetUploadEndpoints(this RouteGroupBuilder datasets)
    {
        datasets.MapPost("/uploads", StartAsync);
        datasets.MapPost("/uploads/{uploadId:guid}/complete", CompleteAsync);
    }

    private static Task<Results<Ok<StartedUpload>, ProblemHttpResult>> StartAsync(
        StartUploadRequest request, CurrentUser current, DatasetQuota quota, IBlobStore blobs, TimeProvider clock, CancellationToken ct) =>
        OpenAsync(request.Name.Trim(), request.Name, request.SizeBytes, null, current, quota, blobs, clock, ct);

    /// <summary>Signs a presigned upload, as a new data set or (with <paramref name="lineage"/>) the next version of one; completed by /uploads/{id}/complete alike.</summary>
    /// <param name="fileName">Whose extension tells the format.</param>
    internal static async Task<Results<Ok<StartedUpload>, ProblemHttpResult>> OpenAsync(
        string name, string fileName, long sizeBytes, Guid? lineage, CurrentUser current, DatasetQuota quota, IBlobStore blobs, TimeProvider clock, CancellationToken ct)
    {
        if (!blobs.SupportsPresignedUploads)
        {
            return ProblemResults.Conflict("This installation stores files in a local folder, which takes uploads through POST /api/v1/datasets only.");
        }
        if (await quota.TooLargeAsync(current.Id, sizeBytes, ct) is { } tooLarge)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "File too large", tooLarge);
        }
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var format = DatasetFormats.FromFileName(fileName) ?? "auto";
        var staging = BlobKeys.UploadStaging(current.Id, id);
        var upload = await blobs.StartPresignedUploadAsync(staging, sizeBytes, PresignedUploadWindow.ValidFor, ct);
        var dataset = new Dataset
        {
            Id = id,
            UserId = current.Id,
            Name = name,
            Status = DatasetStatus.Uploading,
            Format = format,
            SizeBytes = sizeBytes,
            OriginalKey = BlobKeys.DatasetOriginal(current.Id, id, format == "auto" ? "bin" : format),
            UploadId = upload.UploadId,
            CreatedAt = now,
            LastUsedAt = now,
            LineageId = lineage ?? id,
        };
        // The upload's reservation has the data set's id, and both are written in one transaction.
        var reservation = await quota.ReserveAsync(current.Id, id, sizeBytes, now + PresignedUploadWindow.AbandonedAfter, dataset, ct);
        if (reservation.Problem is not null)
        {
            await blobs.AbortPresignedUploadAsync(staging, upload.UploadId, CancellationToken.None);
            return DatasetQuota.Exceeded(reservation.Problem);
        }
        return TypedResults.Ok(new StartedUpload(id, id, upload.PartSizeBytes, now + PresignedUploadWindow.ValidFor,
            upload.Parts.Select(p => new UploadPartUrl(p.PartNumber, p.Url)).ToList()));
    }

    private static async Task<Results<Accepted<DatasetView>, ProblemHttpResult, ValidationProblem>> CompleteAsync(
        Guid uploadId, CompleteUploadRequest request, CurrentUser current, AutoMlDbContext db, IBlobStore blobs,
        IBackgroundJobClient jobs, DatasetQuota quota, WorkflowTriggers workflows, TimeProvider clock, CancellationToken ct)
    {
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == uploadId && d.UserId == current.Id, ct);
        if (dataset is null)
        {
            return ProblemResults.NotFound("No upload with this id exists in your account.");
        }
        if (dataset.Status is DatasetStatus.Ingesting or DatasetStatus.Ready)
        {
            return TypedResults.Accepted($"/api/v1/datasets/{dataset.Id}", dataset.ToView());
        }
        if (dataset.Status != DatasetStatus.Uploading)
        {
            return ProblemResults.Conflict("This upload is closed: it was not completed within its hour, or its file was refused. Start a new upload.");
        }
        var parts = request.Parts ?? [];
        if (dataset.UploadId != "single" && parts.Count == 0)
        {
            return ProblemResults.Validation("parts", "List every part you uploaded with the ETag the store answered each PUT with.");
        }
        var staging = BlobKeys.UploadStaging(current.Id, dataset.Id);
        try
        {
            await blobs.CompletePresignedUploadAsync(staging, dataset.UploadId!,
                parts.Select(p => new UploadedPart(p.PartNumber, p.Etag)).ToList(), ct);
        }
        catch (Amazon.S3.AmazonS3Exception e)
        {
            return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Upload incomplete",
                $"The store could not assemble the upload ({e.ErrorCode}): check that every part was uploaded and its ETag is listed.");
        }
        var size = await blobs.SizeAsync(staging, ct);
        if (size is null or 0)
        {
            return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Upload incomplete",
                "The store holds no bytes for this upload: PUT the file to the presigned URL before completing.");
        }
        if (size != dataset.SizeBytes)
        {
            await DropAsync(db, blobs, quota, dataset, staging);
            return ProblemResults.Problem(size > dataset.SizeBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity, "Upload refused",
                $"The store holds {size:N0} bytes for this upload, not the {dataset.SizeBytes:N0} bytes declared when it started; it was deleted. Start a new upload with the file's exact size.");
        }
        // Copied before the quota is settled, so the user's lock is never held through a long copy.
        await blobs.CopyAsync(staging, dataset.OriginalKey, ct);
        await blobs.DeleteAsync(staging, ct);
        var full = await quota.ConvertAsync(current.Id, dataset.Id, size.Value, async () =>
        {
            dataset.Status = DatasetStatus.Ingesting;
            dataset.UploadId = null;
            dataset.LastUsedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }, ct);
        if (full is not null)
        {
            await DropAsync(db, blobs, quota, dataset, staging);
            return DatasetQuota.Exceeded($"{full} The upload was deleted.");
        }
        DatasetUploads.Enqueue(jobs, dataset.Id);
        if (dataset.LineageId != dataset.Id)
        {
            await workflows.VersionAddedAsync(dataset.LineageId, ct);
        }
        return TypedResults.Accepted($"/api/v1/datasets/{dataset.Id}", dataset.ToView());
    }

    /// <summary>Deletes a refused upload's bytes, row and reservation.</summary>
    private static async Task DropAsync(AutoMlDbContext db, IBlobStore blobs, DatasetQuota quota, Dataset dataset, string staging)
    {
        await blobs.DeleteAsync(staging, CancellationToken.None);
        await blobs.DeleteAsync(dataset.OriginalKey, CancellationToken.None);
        db.Datasets.Remove(dataset);
        await db.SaveChangesAsync(CancellationToken.None);
        await quota.ReleaseAsync(dataset.Id);
    }
}
