using System.Globalization;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Exports;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Exports;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Accounts;

/// <summary>
/// The export of everything an account owns (GDPR Art. 15 and 20): requested here, written by a worker, downloaded
/// for 24 hours through a signed link that needs no session (it is mailed).
/// </summary>
internal static class ExportEndpoints
{
    private const string Missing = "No export with this id exists in your account.";
    private const string Expired = "This download link has expired: exports are kept for 24 hours. Request a new export from Settings (or POST /api/v1/me/export).";

    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        // The whole account in one file: a key needs the widest scope to ask for it or to read its link.
        var me = api.MapGroup("/me").WithTags("Accounts").RequireAuthorization().RequireAntiforgeryForCookies().KeysNeed(ApiKeyScope.Full);
        me.MapPost("/export", RequestAsync)
            .WithDescription($"Export everything your account owns as a zip: profile, ledger, audit events, data set files and profiles, models, jobs and their events, registry, endpoints, workflows. A worker writes it and mails a download link valid for 24 hours. 409 while another export is in progress; at most {ExportRules.PerDay} in any 24 hours (429 with Retry-After).");
        me.MapGet("/exports", ListAsync);
        me.MapGet("/exports/{id:guid}", GetAsync);
        api.MapGet("/exports/download", DownloadAsync).WithTags("Accounts").AllowAnonymous()
            .WithDescription("Download an export's zip with the token of its link (mailed, or the export's downloadUrl); no session needed. 410 once the link has expired.");
    }

    private static async Task<Results<Accepted<ExportView>, ProblemHttpResult>> RequestAsync(
        CurrentUser current, ExportRequests requests, ExportLinks links, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        switch (await requests.RunAsync(current.Id, ct))
        {
            case ExportRequestResult.Queued(var export):
                return TypedResults.Accepted($"/api/v1/me/exports/{export.Id}", ExportView.Of(export, links, clock.GetUtcNow()));
            case ExportRequestResult.AlreadyRunning(var running):
                return ProblemResults.Problem(StatusCodes.Status409Conflict, ProblemResults.ConflictTitle,
                    "An export of your account is already in progress. Wait for it to finish (you will get an email), then download it.",
                    new Dictionary<string, object?> { ["exportId"] = running });
            case ExportRequestResult.TooMany(var nextAt):
                var wait = nextAt - clock.GetUtcNow();
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many exports",
                    $"You can request {ExportRules.PerDay} exports in 24 hours. The next one is possible after {nextAt:yyyy-MM-dd HH:mm} UTC; "
                    + "until then, download the latest one from Settings while its link is valid.");
            default:
                throw new InvalidOperationException("Unknown export request result.");
        }
    }

    private static async Task<Results<Ok<Page<ExportView>>, ValidationProblem>> ListAsync(
        CurrentUser current, AutoMlDbContext db, ExportLinks links, TimeProvider clock, CancellationToken ct, int pageSize = 20, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var now = clock.GetUtcNow();
        var page = await KeysetPage.ReadAsync(db.DataExports.AsNoTracking().Where(e => e.UserId == current.Id), pageSize, cursor, e => ExportView.Of(e, links, now), ct);
        return page is null ? ProblemResults.Validation("cursor", KeysetPage.BadCursor) : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ExportView>, ProblemHttpResult>> GetAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, ExportLinks links, TimeProvider clock, CancellationToken ct) =>
        await db.DataExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.UserId == current.Id, ct) is { } export
            ? TypedResults.Ok(ExportView.Of(export, links, clock.GetUtcNow()))
            : ProblemResults.NotFound(Missing);

    /// <summary>
    /// The token proves the link is ours and unexpired; the row must still say ready. An expired link (or an export
    /// past its time) is a 410 that says what to do; a token that is not ours is a 404 that says nothing of the export.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        AutoMlDbContext db, ExportLinks links, IBlobStore blobs, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct, string? token = null)
    {
        const string NotValid = "This download link is not valid. Open the link from the export email as it was sent, or request a new export from Settings.";
        if (ExportLinks.ExportOf(token) is not { } id || await db.DataExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is not { } export)
        {
            return ProblemResults.NotFound(NotValid);
        }
        var now = clock.GetUtcNow();
        var lapsed = export.Status == DataExportStatus.Expired || (export.ExpiresAt is { } until && until <= now);
        if (!links.IsValid(token!, id))
        {
            return lapsed ? Gone() : ProblemResults.NotFound(NotValid);
        }
        if (lapsed || export is not { Status: DataExportStatus.Ready, BlobKey: { } key })
        {
            return Gone();
        }
        Stream zip;
        try
        {
            zip = await blobs.OpenReadAsync(key, ct);
        }
        catch (BlobNotFoundException)
        {
            return Gone();
        }
        var client = http.Request.Headers.UserAgent.ToString();
        await audit.RecordAsync(new AuditEntry(AuditActions.DataExportDownload, "export link", export.UserId, AuditOutcomes.Success, "export", export.Id.ToString(),
            null, RateLimiting.ClientAddress.Of(http), string.IsNullOrEmpty(client) ? null : client), ct);
        return TypedResults.Stream(zip, "application/zip", $"automl-export-{export.CreatedAt:yyyy-MM-dd}.zip");
    }

    private static ProblemHttpResult Gone() => ProblemResults.Problem(StatusCodes.Status410Gone, "Export expired", Expired);
}
