using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Hosting;
using AutoMl.Api.Paging;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

internal static class DatasetEndpoints
{
    internal const string Missing = "No data set with this id exists in your account.";

    /// <summary>How long a streamed upload's reservation holds room; one still streaming after it is checked again when stored.</summary>
    private static readonly TimeSpan StreamedHold = TimeSpan.FromHours(1);

    public static void MapDatasetEndpoints(this RouteGroupBuilder api)
    {
        var datasets = api.MapGroup("/datasets").WithTags("Datasets").RequireAuthorization().RequireAntiforgeryForCookies()
            .KeysNeed(ApiKeyScope.Read, ApiKeyScope.Train);
        // No Accepts metadata: a content-type constraint would turn a wrong type into the fallback's 404.
        datasets.MapPost("/", UploadAsync).WithMetadata(new NoBodyLimit())
            .WithDescription("Upload a CSV, TSV, Parquet or JSON-lines file as the multipart field 'file', or as the raw body with ?name=. Answers 202; the data set becomes 'ready' when ingested.");
        datasets.MapGet("/", ListAsync);
        datasets.MapGet("/usage", (CurrentUser current, DatasetQuota quota, CancellationToken ct) => quota.UsageAsync(current.Id, ct))
            .WithDescription("Storage used against the tier's quota, the largest upload allowed and how long unused data sets are kept.");
        datasets.MapGet("/{id:guid}", GetAsync);
        datasets.MapGet("/{id:guid}/preview", PreviewAsync);
        datasets.MapGet("/{id:guid}/download", DownloadAsync);
        datasets.MapPatch("/{id:guid}", RenameAsync).KeysNeed(ApiKeyScope.Full);
        datasets.MapDelete("/{id:guid}", DeleteAsync).KeysNeed(ApiKeyScope.Full);
        datasets.MapDatasetUploadEndpoints();
        datasets.MapDatasetVersionEndpoints();
        datasets.MapDatasetCheckEndpoints();
        datasets.MapDatasetAssociationEndpoints();
        datasets.MapSampleEndpoints();
    }

    private static Task<Results<Accepted<DatasetView>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        HttpRequest request, CurrentUser current, DatasetQuota quota, DatasetUploads uploads, TimeProvider clock, CancellationToken ct, string? name = null) =>
        ReceiveAsync(request, current, quota, uploads, clock, name, null, ct);

    /// <summary>A streamed upload, as a new data set or (with <paramref name="version"/>) the next version of one.</summary>
    internal static async Task<Results<Accepted<DatasetView>, ProblemHttpResult, ValidationProblem>> ReceiveAsync(
        HttpRequest request, CurrentUser current, DatasetQuota quota, DatasetUploads uploads, TimeProvider clock, string? name, Dataset? version, CancellationToken ct)
    {
        if (await quota.TooLargeAsync(current.Id, request.ContentLength, ct) is { } tooLarge)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "File too large", tooLarge);
        }
        // The body's declared length is held before a byte is read; a body of unknown length holds all the room left.
        var reservation = await quota.ReserveAsync(current.Id, Guid.CreateVersion7(), request.ContentLength, clock.GetUtcNow() + StreamedHold, null, ct);
        if (reservation.Problem is not null)
        {
            return DatasetQuota.Exceeded(reservation.Problem);
        }
        try
        {
            return await StoreAsync(request, current, uploads, reservation, name, version, ct);
        }
        finally
        {
            // Stored, the reservation is gone already; failed or cancelled, its room is given back.
            await quota.ReleaseAsync(reservation.Id);
        }
    }

    private static async Task<Results<Accepted<DatasetView>, ProblemHttpResult, ValidationProblem>> StoreAsync(
        HttpRequest request, CurrentUser current, DatasetUploads uploads, Reservation reservation, string? name, Dataset? version, CancellationToken ct)
    {
        UploadedFile file;
        try
        {
            file = await UploadedFile.ReadAsync(request, reservation.Bytes, ct);
        }
        catch (UploadTooLargeException tooLarge)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "File too large",
                $"The upload passed the {DatasetQuota.Bytes(tooLarge.MaxBytes)} your tier and storage quota allow; nothing was stored.");
        }
        catch (InvalidDataException bad)
        {
            return ProblemResults.Validation("file", bad.Message);
        }
        await using (file)
        {
            // A new version keeps its lineage's name unless it is given one.
            var datasetName = (name ?? version?.Name ?? file.FileName)?.Trim();
            if (string.IsNullOrEmpty(datasetName) || datasetName.Length > 200)
            {
                return ProblemResults.Validation("name", "Name the data set: send ?name=… with a raw body, or a file name in the multipart 'file' field (at most 200 characters).");
            }
            if (file.Length == 0)
            {
                return ProblemResults.Validation("file", "The file is empty: there is no table to read.");
            }
            var (dataset, full) = await uploads.AcceptAsync(current.Id, datasetName, file, reservation.Id, ct, version?.LineageId);
            return dataset is null
                ? DatasetQuota.Exceeded(full!)
                : TypedResults.Accepted($"/api/v1/datasets/{dataset.Id}", dataset.ToView());
        }
    }

    private static async Task<Results<Ok<Page<DatasetSummary>>, ValidationProblem>> ListAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var page = await KeysetPage.ReadProjectedAsync(db.Datasets.Where(d => d.UserId == current.Id), pageSize, cursor, DatasetViews.Summary, ct);
        return page is null ? ProblemResults.Validation("cursor", KeysetPage.BadCursor) : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<DatasetView>, ProblemHttpResult>> GetAsync(Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct) =>
        await FindAsync(db, current, id, ct) is { } dataset ? TypedResults.Ok(await ViewAsync(db, dataset, ct)) : ProblemResults.NotFound(Missing);

    /// <summary>The data set with its lineage's newest version number and its schema changes.</summary>
    private static async Task<DatasetView> ViewAsync(AutoMlDbContext db, Dataset dataset, CancellationToken ct) =>
        dataset.ToView(await DatasetLineage.LatestAsync(db, dataset.LineageId, ct), await DatasetLineage.ChangesAsync(db, dataset, ct));

    private static async Task<Results<Ok<DatasetPreview>, ProblemHttpResult, ValidationProblem>> PreviewAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct, int rows = 50)
    {
        if (rows is < 1 or > 100)
        {
            return ProblemResults.Validation("rows", "rows is a number from 1 to 100.");
        }
        if (await FindAsync(db, current, id, ct) is not { } dataset)
        {
            return ProblemResults.NotFound(Missing);
        }
        if (dataset.PreviewJson is null)
        {
            return ProblemResults.Conflict(dataset.Status == DatasetStatus.Failed
                ? $"This data set could not be read, so it has no preview: {dataset.Error}"
                : "This data set is still being ingested; its preview appears when its status is 'ready'.");
        }
        using var doc = JsonDocument.Parse(dataset.PreviewJson);
        var head = doc.RootElement.GetProperty("rows").EnumerateArray().Take(rows).ToList();
        return TypedResults.Ok(new DatasetPreview(doc.RootElement.GetProperty("columns").Clone(), JsonSerializer.SerializeToElement(head)));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        if (await FindAsync(db, current, id, ct) is not { Status: not DatasetStatus.Uploading } dataset)
        {
            return ProblemResults.NotFound(Missing);
        }
        var stream = await blobs.OpenReadAsync(dataset.OriginalKey, ct);
        var extension = dataset.Format == "auto" ? "bin" : dataset.Format;
        var fileName = Path.HasExtension(dataset.Name) ? dataset.Name : $"{dataset.Name}.{extension}";
        return TypedResults.Stream(stream, "application/octet-stream", fileName);
    }

    private static async Task<Results<Ok<DatasetView>, ProblemHttpResult>> RenameAsync(
        Guid id, RenameDatasetRequest request, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        if (await FindAsync(db, current, id, ct) is not { } dataset)
        {
            return ProblemResults.NotFound(Missing);
        }
        dataset.Name = request.Name.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, dataset, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, DatasetRemoval removal, CancellationToken ct)
    {
        if (await FindAsync(db, current, id, ct) is not { } dataset)
        {
            return ProblemResults.NotFound(Missing);
        }
        await removal.DeleteAsync(dataset, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Another user's data set is indistinguishable from one that does not exist.</summary>
    internal static Task<Dataset?> FindAsync(AutoMlDbContext db, CurrentUser current, Guid id, CancellationToken ct) =>
        db.Datasets.SingleOrDefaultAsync(d => d.Id == id && d.UserId == current.Id, ct);
}
