using AutoMl.Api.Accounts;
using AutoMl.Api.Datasets;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Api.Paging;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

/// <summary>Finding accounts and reading one: its jobs, data sets and keys (its ledger and audit events have their own routes).</summary>
internal static class AdminUserEndpoints
{
    private const string NoSuchUser = "No account has this id: find it with GET /api/v1/admin/users?query=.";

    public static void MapAdminUserEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", ListAsync).WithDescription(
            "Accounts newest first: query matches part of the email or a whole id; email matches the whole address; tier and suspended filter.");
        admin.MapGet("/users/{id:guid}", GetAsync);
        admin.MapGet("/users/{id:guid}/jobs", JobsAsync);
        admin.MapGet("/users/{id:guid}/datasets", DatasetsAsync);
        admin.MapGet("/users/{id:guid}/keys", KeysAsync);
    }

    private static async Task<Results<Ok<Page<AdminUserView>>, ValidationProblem>> ListAsync(AutoMlDbContext db, CancellationToken ct,
        string? query = null, string? email = null, string? tier = null, bool? suspended = null, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim();
            users = Guid.TryParse(text, out var id)
                ? users.Where(u => u.Id == id)
                : users.Where(u => EF.Functions.Like(u.NormalizedEmail!, "%" + EscapeLike(text.ToUpperInvariant()) + "%", "\\"));
        }
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = email.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail == normalized);
        }
        if (tier is not null)
        {
            if (!TierNames.TryParse(tier, out var wanted))
            {
                return ProblemResults.Validation("tier", "tier is one of free, pro, enterprise.");
            }
            users = users.Where(u => u.Tier == wanted);
        }
        if (suspended is { } isSuspended)
        {
            users = isSuspended ? users.Where(u => u.SuspendedAt != null) : users.Where(u => u.SuspendedAt == null);
        }
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var at, out var after))
            {
                return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
            }
            users = users.Where(u => u.CreatedAt < at || (u.CreatedAt == at && u.Id.CompareTo(after) < 0));
        }
        var rows = await AdminUsers.Views(db, users).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id) : null;
        return TypedResults.Ok(new Page<AdminUserView>(rows.Take(pageSize).ToList(), next));
    }

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> GetAsync(Guid id, AutoMlDbContext db, CancellationToken ct) =>
        await AdminUsers.FindAsync(db, id, ct) is { } user ? TypedResults.Ok(user) : ProblemResults.NotFound(NoSuchUser);

    private static async Task<Results<Ok<Page<JobView>>, ProblemHttpResult, ValidationProblem>> JobsAsync(
        Guid id, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (!await db.Users.AnyAsync(u => u.Id == id, ct))
        {
            return ProblemResults.NotFound(NoSuchUser);
        }
        var page = await KeysetPage.ReadAsync(db.Jobs.AsNoTracking().Where(j => j.UserId == id), pageSize, cursor, JobViews.ToView, ct);
        return page is null ? ProblemResults.Validation("cursor", KeysetPage.BadCursor) : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<Page<DatasetSummary>>, ProblemHttpResult, ValidationProblem>> DatasetsAsync(
        Guid id, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (!await db.Users.AnyAsync(u => u.Id == id, ct))
        {
            return ProblemResults.NotFound(NoSuchUser);
        }
        var page = await KeysetPage.ReadProjectedAsync(db.Datasets.Where(d => d.UserId == id), pageSize, cursor, DatasetViews.Summary, ct);
        return page is null ? ProblemResults.Validation("cursor", KeysetPage.BadCursor) : TypedResults.Ok(page);
    }

    /// <summary>Every key, newest first; an account has at most 50 active ones, so one page holds them.</summary>
    private static async Task<Results<Ok<Page<AdminApiKeyView>>, ProblemHttpResult>> KeysAsync(Guid id, AutoMlDbContext db, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct))
        {
            return ProblemResults.NotFound(NoSuchUser);
        }
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == id).OrderByDescending(k => k.CreatedAt).Take(500)
            .Select(k => new AdminApiKeyView(k.Id, k.Name, k.Prefix, k.Scope, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToListAsync(ct);
        return TypedResults.Ok(new Page<AdminApiKeyView>(keys, null));
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
