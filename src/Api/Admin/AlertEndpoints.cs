using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

/// <summary>The platform's alerts (raised by the workers' minutely rules) and the ledger reconciliation's last result.</summary>
internal static class AlertEndpoints
{
    public static void MapAlertEndpoints(this RouteGroupBuilder api)
    {
        // An admin-scope key of an admin may call every admin route (the SDK's AdminClient, `automl admin`); other keys none.
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AdminRole.Policy).RequireAntiforgeryForCookies().KeysNeed(ApiKeyScope.Admin);
        // Reads: an admin's key with any scope may list them (automl ops alerts in a monitoring script).
        admin.MapGet("/alerts", ListAsync)
            .WithDescription("Platform alerts, newest first: status open (still firing), cleared, or all.");
        admin.MapGet("/reconciliation", ReconciliationAsync)
            .WithDescription("The last ledger reconciliation (hourly): when it ran, whether every balance and hold equals its entries, and the accounts that do not.");
    }

    private static async Task<Results<Ok<Page<PlatformAlertView>>, ValidationProblem>> ListAsync(
        AutoMlDbContext db, CancellationToken ct, string status = "open", int pageSize = 50, string? cursor = null)
    {
        var query = db.Set<PlatformAlert>().AsNoTracking();
        switch (status)
        {
            case "open":
                query = query.Where(a => a.ClearedAt == null);
                break;
            case "cleared":
                query = query.Where(a => a.ClearedAt != null);
                break;
            case "all":
                break;
            default:
                return ProblemResults.Validation("status", "status is one of open, cleared, all.");
        }
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var at, out var id))
            {
                return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
            }
            query = query.Where(a => a.FirstSeenAt < at || (a.FirstSeenAt == at && a.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(a => a.FirstSeenAt).ThenByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].FirstSeenAt, rows[pageSize - 1].Id) : null;
        return TypedResults.Ok(new Page<PlatformAlertView>(rows.Take(pageSize).Select(PlatformAlertView.From).ToList(), next));
    }

    private static async Task<Results<Ok<ReconciliationView>, ProblemHttpResult>> ReconciliationAsync(AutoMlDbContext db, CancellationToken ct)
    {
        var run = await db.Set<ReconciliationRun>().AsNoTracking().Include(r => r.Drift).OrderByDescending(r => r.RanAt).FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return ProblemResults.NotFound("The ledger has not been reconciled yet: the reconciliation runs every hour on a worker serving the low queue.");
        }
        var drift = run.Drift.OrderBy(d => d.UserId).Select(d => new ReconciliationDriftView(d.UserId, d.Balance, d.EntriesSum, d.Held, d.HeldSum)).ToList();
        return TypedResults.Ok(new ReconciliationView(run.RanAt, run.Balanced, drift));
    }
}
