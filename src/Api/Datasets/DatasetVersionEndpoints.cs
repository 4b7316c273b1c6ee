using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Hosting;
using AutoMl.Api.Paging;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>
/// New versions of a data set through the same two upload paths as a new data set, and the list of a lineage's
/// versions. Any version's id names its lineage; the status of the versions does not matter (ADR 0010).
/// </summary>
internal static class DatasetVersionEndpoints
{
    private const string NotCompleted = "This data set's upload has not been completed yet, so it has no version to follow: complete the upload first.";

    public static void MapDatasetVersionEndpoints(this RouteGroupBuilder datasets)
    {
        datasets.MapPost("/{id:guid}/versions", UploadAsync).WithMetadata(new NoBodyLimit())
            .WithDescription("Upload the next version of the data set (any version's id names it) as the multipart field 'file' or the raw body, as POST /datasets takes a new one; ?name= renames it, else it keeps its name. Answers 202 with the version's number.");
        datasets.MapPost("/{id:guid}/versions/uploads", StartUploadAsync)
            .WithDescription("Start a presigned upload of the data set's next version; complete it with POST /datasets/uploads/{uploadId}/complete.");
        datasets.MapGet("/{id:guid}/versions", ListAsync)
            .WithDescription("The versions of the data set, newest first, each with its schema changes against the latest earlier version that was ingested.");
    }

    private static async Task<Results<Accepted<DatasetView>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        Guid id, HttpRequest request, CurrentUser current, AutoMlDbContext db, DatasetQuota quota, DatasetUploads uploads, TimeProvider clock,
        CancellationToken ct, string? name = null) =>
        await LatestOfAsync(db, current, id, ct) switch
        {
            (false, _) => ProblemResults.NotFound(DatasetEndpoints.Missing),
            (true, null) => ProblemResults.Conflict(NotCompleted),
            (true, { } latest) => await DatasetEndpoints.ReceiveAsync(request, current, quota, uploads, clock, name, latest, ct),
        };

    private static async Task<Results<Ok<StartedUpload>, ProblemHttpResult>> StartUploadAsync(
        Guid id, StartVersionUploadRequest request, CurrentUser current, AutoMlDbContext db, DatasetQuota quota, IBlobStore blobs, TimeProvider clock,
        CancellationToken ct) =>
        await LatestOfAsync(db, current, id, ct) switch
        {
            (false, _) => ProblemResults.NotFound(DatasetEndpoints.Missing),
            (true, null) => ProblemResults.Conflict(NotCompleted),
            (true, { } latest) => await DatasetUploadEndpoints.OpenAsync((request.Name ?? latest.Name).Trim(), request.FileName ?? request.Name ?? latest.Name, request.SizeBytes, latest.LineageId, current, quota, blobs, clock, ct),
        };

    private static async Task<Results<Ok<Page<DatasetVersionView>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        Guid id, CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var before = int.MaxValue;
        if (cursor is not null && !(Cursor.TryDecodeParts(cursor, 1, out var parts) && int.TryParse(parts[0], out before)))
        {
            return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
        }
        if (await DatasetEndpoints.FindAsync(db, current, id, ct) is not { } named)
        {
            return ProblemResults.NotFound(DatasetEndpoints.Missing);
        }
        var rows = await db.Datasets.AsNoTracking()
            .Where(d => d.LineageId == named.LineageId && d.Version < before)
            .OrderByDescending(d => d.Version)
            .Take(pageSize + 1)
            .ToListAsync(ct);
        var page = rows.Take(pageSize).ToList();
        var changes = await DatasetLineage.ChangesAsync(db, page, ct);
        var next = rows.Count > pageSize ? Cursor.EncodeParts(page[^1].Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<DatasetVersionView>(page.Select((d, i) => d.ToVersionView(changes[i])).ToList(), next));
    }

    /// <summary>
    /// Whether <paramref name="id"/> is one of the user's data sets, and the newest version of its lineage whose file
    /// was received (its name is the new version's default); a presigned upload still open is no version to follow.
    /// </summary>
    private static async Task<(bool Found, Dataset? Latest)> LatestOfAsync(AutoMlDbContext db, CurrentUser current, Guid id, CancellationToken ct) =>
        await DatasetEndpoints.FindAsync(db, current, id, ct) is { } named
            ? (true, await db.Datasets.AsNoTracking()
                .Where(d => d.LineageId == named.LineageId && d.Status != DatasetStatus.Uploading)
                .OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(ct))
            : (false, null);
}
