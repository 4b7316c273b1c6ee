using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Credits;

/// <summary>WelcomeBonus says why a new account has no credits yet (its address is not confirmed).</summary>
public sealed record CreditsView(long Balance, long Held, long Available, long Owed, WelcomeBonusState WelcomeBonus);

/// <summary>A ledger line; HeldChange (not in API.md's first draft) shows holds and releases, which move credits without changing the balance.</summary>
public sealed record CreditEntryView(Guid Id, long Amount, long HeldChange, CreditEntryKind Kind, string Reference, long BalanceAfter, DateTimeOffset CreatedAt)
{
    internal static CreditEntryView From(Infrastructure.Credits.CreditEntry e) => new(e.Id, e.Amount, e.HeldChange, e.Kind, e.Reference, e.BalanceAfter, e.CreatedAt);
}

internal static class CreditEndpoints
{
    public static void MapCreditEndpoints(this RouteGroupBuilder api)
    {
        var credits = api.MapGroup("/credits").WithTags("Credits").RequireAuthorization().KeysOnlyRead();
        credits.MapGet("/", GetAsync);
        credits.MapGet("/entries", EntriesAsync)
            .WithDescription("The ledger, newest first, a keyset page at a time. 'kind' keeps only entries of the kinds named (repeat it, or separate them by commas), "
                + "e.g. kind=purchase,grant,clawback for the purchase history.");
        credits.MapGet("/ad-rewards", AdRewardSummary.GetAsync);
    }

    private static async Task<Results<Ok<CreditsView>, ProblemHttpResult>> GetAsync(CurrentUser current, AutoMlDbContext db, WelcomeBonus bonus, CancellationToken ct)
    {
        var account = await db.CreditAccounts.AsNoTracking().Where(a => a.UserId == current.Id)
            .Select(a => new { a.Balance, a.Held, a.Owed, Confirmed = db.Users.Where(u => u.Id == a.UserId).Select(u => u.EmailConfirmed).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        return account is null
            ? ProblemResults.NotFound("This account has no credit account.")
            : TypedResults.Ok(new CreditsView(account.Balance, account.Held, account.Balance - account.Held, account.Owed,
                await bonus.StateAsync(current.Id, account.Confirmed, ct)));
    }

    private static async Task<Results<Ok<Page<CreditEntryView>>, ValidationProblem>> EntriesAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null, string[]? kind = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (!CreditKindFilter.TryParse(kind, out var kinds, out var unknown))
        {
            return ProblemResults.Validation("kind", $"'{unknown}' is not a kind of ledger entry: use {CreditKindFilter.Names}.");
        }
        var entries = db.CreditEntries.AsNoTracking().Where(e => e.UserId == current.Id);
        if (kinds.Count > 0)
        {
            var wanted = kinds.ToArray();
            entries = entries.Where(e => wanted.Contains(e.Kind));
        }
        var page = await KeysetPage.ReadAsync(entries, pageSize, cursor, CreditEntryView.From, ct);
        return page is null ? ProblemResults.Validation("cursor", KeysetPage.BadCursor) : TypedResults.Ok(page);
    }
}
