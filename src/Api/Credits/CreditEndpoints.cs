using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Credits;

public sealed record CreditsView(long Balance, long Held, long Available, long Owed);

/// <summary>A ledger line; HeldChange (not in API.md's first draft) shows holds and releases, which move credits without changing the balance.</summary>
public sealed record CreditEntryView(Guid Id, long Amount, long HeldChange, CreditEntryKind Kind, string Reference, long BalanceAfter, DateTimeOffset CreatedAt);

internal static class CreditEndpoints
{
    public static void MapCreditEndpoints(this RouteGroupBuilder api)
    {
        var credits = api.MapGroup("/credits").WithTags("Credits").RequireAuthorization();
        credits.MapGet("/", GetAsync);
        credits.MapGet("/entries", EntriesAsync);
    }

    private static async Task<Results<Ok<CreditsView>, ProblemHttpResult>> GetAsync(CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var view = await db.CreditAccounts.AsNoTracking().Where(a => a.UserId == current.Id)
            .Select(a => new CreditsView(a.Balance, a.Held, a.Balance - a.Held, a.Owed))
            .SingleOrDefaultAsync(ct);
        return view is null ? ProblemResults.NotFound("This account has no credit account.") : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<Page<CreditEntryView>>, ValidationProblem>> EntriesAsync(
        CurrentUser current, AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var query = db.CreditEntries.AsNoTracking().Where(e => e.UserId == current.Id);
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var at, out var id))
            {
                return ProblemResults.Validation("cursor", "The cursor is not one this API returned: start again without it.");
            }
            query = query.Where(e => e.CreatedAt < at || (e.CreatedAt == at && e.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(pageSize + 1)
            .Select(e => new CreditEntryView(e.Id, e.Amount, e.HeldChange, e.Kind, e.Reference, e.BalanceAfter, e.CreatedAt))
            .ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id) : null;
        return TypedResults.Ok(new Page<CreditEntryView>(rows.Take(pageSize).ToList(), next));
    }
}
