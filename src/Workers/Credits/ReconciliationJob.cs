using AutoMl.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Credits;

/// <summary>
/// Releases holds left by ended or missing jobs (<see cref="HoldReconciliation"/>), then checks that every balance and
/// hold equals the sum of its ledger entries; a mismatch is an alert in the log.
/// </summary>
internal sealed class ReconciliationJob(AutoMlDbContext db, HoldReconciliation holds, ILogger<ReconciliationJob> logger)
{
    public sealed record Drift(Guid UserId, long Balance, long EntriesSum, long Held, long HeldSum);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(300)]
    public async Task<IReadOnlyList<Drift>> RunAsync(CancellationToken ct)
    {
        await holds.RunAsync(ct);
        var drift = await db.Database.SqlQuery<Drift>($"""
            SELECT a.user_id AS user_id, a.balance AS balance, COALESCE(SUM(e.amount), 0)::bigint AS entries_sum,
                   a.held AS held, COALESCE(SUM(e.held_change), 0)::bigint AS held_sum
            FROM credit_accounts a LEFT JOIN credit_entries e ON e.user_id = a.user_id
            GROUP BY a.user_id, a.balance, a.held
            HAVING a.balance <> COALESCE(SUM(e.amount), 0) OR a.held <> COALESCE(SUM(e.held_change), 0)
            """).ToListAsync(ct);
        foreach (var d in drift)
        {
            logger.LogCritical("LEDGER DRIFT for user {UserId}: balance {Balance} but entries sum to {EntriesSum}; held {Held} but holds sum to {HeldSum}",
                d.UserId, d.Balance, d.EntriesSum, d.Held, d.HeldSum);
        }
        if (drift.Count == 0)
        {
            logger.LogInformation("Ledger reconciled: every balance equals the sum of its entries");
        }
        return drift;
    }
}
