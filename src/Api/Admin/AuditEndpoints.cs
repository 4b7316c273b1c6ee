using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

/// <param name="Outcome">success, failure or refused.</param>
public sealed record AuditEventView(long Id, DateTimeOffset At, Guid? UserId, string Actor, string Action, string? TargetType, string? TargetId,
    string? Address, string? Client, string Outcome, string? Detail);

/// <param name="Intact">Whether every row holds: its columns as recorded, following the row before, its hash right.</param>
/// <param name="BrokenAt">The first row that does not hold.</param>
public sealed record AuditChainView(bool Intact, long Checked, long? BrokenAt, string? Problem);

/// <summary>The audit trail read back: an admin's view of all of it, and a user's of their own (GET /me/security-events).</summary>
internal static class AuditEndpoints
{
    public static async Task<Results<Ok<Page<AuditEventView>>, ValidationProblem>> ListAsync(
        [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, Guid? userId = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int pageSize = 50, string? cursor = null)
    {
        var query = db.AuditEvents.AsNoTracking();
        query = userId is { } user ? query.Where(e => e.UserId == user) : query;
        query = action is not null ? query.Where(e => e.Action == action) : query;
        query = from is { } f ? query.Where(e => e.At >= f) : query;
        query = to is { } t ? query.Where(e => e.At < t) : query;
        return await PageAsync(query, pageSize, cursor, ct);
    }

    public static async Task<Ok<AuditChainView>> VerifyAsync(AutoMlDbContext db, CancellationToken ct)
    {
        var check = await AuditVerifier.VerifyAsync(db, ct);
        return TypedResults.Ok(new AuditChainView(check.Intact, check.Checked, check.BrokenAt, check.Problem));
    }

    /// <summary>GET /me/security-events: the acts on this account (sign-ins, password and email changes, keys, credits granted), newest first.</summary>
    public static Task<Results<Ok<Page<AuditEventView>>, ValidationProblem>> MineAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null) =>
        PageAsync(db.AuditEvents.AsNoTracking().Where(e => e.UserId == current.Id), pageSize, cursor, ct);

    /// <summary>Newest first by id (the chain's order); the cursor is the last id read.</summary>
    private static async Task<Results<Ok<Page<AuditEventView>>, ValidationProblem>> PageAsync(IQueryable<AuditEvent> query, int pageSize, string? cursor, CancellationToken ct)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var before))
            {
                return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
            }
            query = query.Where(e => e.Id < before);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(pageSize + 1).ToListAsync(ct);
        var items = rows.Take(pageSize).Select(e => new AuditEventView(e.Id, e.At, e.UserId, e.Actor, e.Action, e.TargetType, e.TargetId, e.Address, e.Client, e.Outcome, e.Detail)).ToList();
        var next = rows.Count > pageSize ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new Page<AuditEventView>(items, next));
    }
}
