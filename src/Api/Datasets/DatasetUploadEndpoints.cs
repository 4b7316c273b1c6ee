using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>Presigned direct uploads: the bytes go from the client to the store; the API only signs and completes.</summary>
internal static class DatasetUploadEndpoints
{
    private static readonly TimeSpan ValidFor = TimeSpan.FromHours(6);

    public static void MapDatasetUploadEndpoints(this RouteGroupBuilder datasets)
    {
        datasets.MapPost("/uploads", StartAsync);
        datasets.MapPost("/uploads/{uploadId:guid}/complete", CompleteAsync);
    }

    private static async Task<Results<Ok<StartedUpload>, ProblemHttpResult>> StartAsync(
        StartUploadRequest request, CurrentUser current, DatasetQuota quota, AutoMlDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct)
    {
        if (!blobs.SupportsPresignedUploads)
        {
            return ProblemResults.Conflict("This installation stores files in a local folder, which takes uploads through POST /api/v1/datasets only.");
        }
        var (problem, status) = await quota.CheckAsync(current.Id, request.SizeBytes, ct);
        if (problem is not null)
        {
            return ProblemResults.Problem(status, status == 413 ? "File too large" : "Storage quota exceeded", problem);
        }
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var format = DatasetFormats.FromFileName(request.Name) ?? "auto";
        var key = BlobKeys.DatasetOriginal(current.Id, id, format == "auto" ? "bin" : format);
        var upload = await blobs.StartPresignedUploadAsync(key, request.SizeBytes, ValidFor, ct);
        db.Datasets.Add(new Dataset
        {
            Id = id,
            UserId = current.Id,
            Name = request.Name.Trim(),
            Status = DatasetStatus.Uploading,
            Format = format,
            SizeBytes = request.SizeBytes,
            OriginalKey = key,
            UploadId = upload.UploadId,
            CreatedAt = now,
            LastUsedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new StartedUpload(id, id, upload.PartSizeBytes, now + ValidFor,
            upload.Parts.Select(p => new UploadPartUrl(p.PartNumber, p.Url)).ToList()));
    }

    private static async Task<Results<Accepted<DatasetView>, ProblemHttpResult, ValidationProblem>> CompleteAsync(
        Guid uploadId, CompleteUploadRequest request, CurrentUser current, AutoMlDbContext db, IBlobStore blobs,
        IBackgroundJobClient jobs, DatasetQuota quota, CancellationToken ct)
    {
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == uploadId && d.UserId == current.Id, ct);
        if (dataset is null)
        {
            return ProblemResults.NotFound("No upload with this id exists in your account.");
        }
        if (dataset.Status != DatasetStatus.Uploading)
        {
            return TypedResults.Accepted($"/api/v1/datasets/{dataset.Id}", dataset.ToView());
        }
        var parts = request.Parts ?? [];
        if (dataset.UploadId != "single" && parts.Count == 0)
        {
            return ProblemResults.Validation("parts", "List every part you uploaded with the ETag the store answered each PUT with.");
        }
        try
        {
            await blobs.CompletePresignedUploadAsync(dataset.OriginalKey, dataset.UploadId!,
                parts.Select(p => new UploadedPart(p.PartNumber, p.Etag)).ToList(), ct);
        }
        catch (Amazon.S3.AmazonS3Exception e)
        {
            return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Upload incomplete",
                $"The store could not assemble the upload ({e.ErrorCode}): check that every part was uploaded and its ETag is listed.");
        }
        var size = await blobs.SizeAsync(dataset.OriginalKey, ct);
        if (size is null or 0)
        {
            return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Upload incomplete",
                "The store holds no bytes for this upload: PUT the file to the presigned URL before completing.");
        }
        dataset.SizeBytes = size.Value;
        var (problem, status) = await quota.CheckAsync(current.Id, 0, ct);
        if (problem is not null || size > StorageLimits.For(await db.Users.Where(u => u.Id == current.Id).Select(u => u.Tier).SingleAsync(ct)).MaxUploadBytes)
        {
            await blobs.DeleteAsync(dataset.OriginalKey, ct);
            db.Datasets.Remove(dataset);
            await db.SaveChangesAsync(ct);
            return ProblemResults.Problem(status == 0 ? StatusCodes.Status413PayloadTooLarge : status, "Upload refused",
                problem ?? "The uploaded file is larger than your tier allows; it was deleted.");
        }
        dataset.Status = DatasetStatus.Ingesting;
        dataset.UploadId = null;
        await db.SaveChangesAsync(ct);
        DatasetUploads.Enqueue(jobs, dataset.Id);
        return TypedResults.Accepted($"/api/v1/datasets/{dataset.Id}", dataset.ToView());
    }
}
