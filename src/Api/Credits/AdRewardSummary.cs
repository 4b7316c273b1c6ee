using AutoMl.Api.Accounts;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Credits;

/// <summary>Everything rewarded ads have earned: the dashboard shows the total without paging the whole ledger.</summary>
public sealed record AdRewardsView(long TotalCredits, int Count, IReadOnlyList<CreditEntryView> Recent);

internal static class AdRewardSummary
{
    private const int RecentCount = 10;

    public static async Task<Ok<AdRewardsView>> GetAsync(CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var rewards = db.CreditEntries.AsNoTracking().Where(e => e.UserId == current.Id && e.Kind == CreditEntryKind.AdReward);
        var totals = await rewards.GroupBy(_ => 1).Select(g => new { Total = g.Sum(e => e.Amount), Count = g.Count() }).SingleOrDefaultAsync(ct);
        var recent = await rewards.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(RecentCount).ToListAsync(ct);
        return TypedResults.Ok(new AdRewardsView(totals?.Total ?? 0, totals?.Count ?? 0, recent.Select(CreditEntryView.From).ToList()));
    }
}
