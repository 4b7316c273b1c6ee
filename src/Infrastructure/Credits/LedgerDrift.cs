using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Credits;

/// <summary>An account whose balance or held credits differ from the sum of its ledger entries.</summary>
public sealed record LedgerDrift(Guid UserId, long Balance, long EntriesSum, long Held, long HeldSum)
{
    /// <summary>
    /// Every drifting account, read in one statement so an account and its entries are seen at the same moment (the
    /// ledger writes both in one transaction). The hourly reconciliation and the minutely alert share it.
    /// </summary>
    public static Task<List<LedgerDrift>> FindAsync(AutoMlDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<LedgerDrift>($"""
            SELECT a.user_id AS user_id, a.balance AS balance, COALESCE(SUM(e.amount), 0)::bigint AS entries_sum,
                   a.held AS held, COALESCE(SUM(e.held_change), 0)::bigint AS held_sum
            FROM credit_accounts a LEFT JOIN credit_entries e ON e.user_id = a.user_id
            GROUP BY a.user_id, a.balance, a.held
            HAVING a.balance <> COALESCE(SUM(e.amount), 0) OR a.held <> COALESCE(SUM(e.held_change), 0)
            ORDER BY a.user_id
            """).ToListAsync(ct);
}
