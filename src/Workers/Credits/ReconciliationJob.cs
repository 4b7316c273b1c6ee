using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Credits;

/// <summary>
/// Releases holds left by ended or missing jobs (<see cref="HoldReconciliation"/>), then checks that every balance and
/// hold equals the sum of its ledger entries. Each run is kept (GET /admin/reconciliation shows the last); a mismatch
/// is logged, and the ledger-drift alert tells the admins.
/// </summary>
internal sealed class ReconciliationJob(AutoMlDbContext db, HoldReconciliation holds, TimeProvider clock, ILogger<ReconciliationJob> logger)
{
    /// <summary>Balanced runs older than this are dropped; runs that found drift are kept as the record of it.</summary>
    public static readonly TimeSpan KeepBalancedRuns = TimeSpan.FromDays(90);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(300)]
    public async Task<IReadOnlyList<LedgerDrift>> RunAsync(CancellationToken ct)
    {
        await holds.RunAsync(ct);
        var drift = await LedgerDrift.FindAsync(db, ct);
        foreach (var d in drift)
        {
            logger.LogCritical("LEDGER DRIFT for user {UserId}: balance {Balance} but entries sum to {EntriesSum}; held {Held} but holds sum to {HeldSum}",
                d.UserId, d.Balance, d.EntriesSum, d.Held, d.HeldSum);
        }
        if (drift.Count == 0)
        {
            logger.LogInformation("Ledger reconciled: every balance equals the sum of its entries");
        }
        await KeepAsync(drift, ct);
        return drift;
    }

    private async Task KeepAsync(List<LedgerDrift> drift, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var run = new ReconciliationRun { Id = Guid.CreateVersion7(), RanAt = now, Balanced = drift.Count == 0 };
        run.Drift.AddRange(drift.Select(d => new ReconciliationDrift
        {
            RunId = run.Id,
            UserId = d.UserId,
            Balance = d.Balance,
            EntriesSum = d.EntriesSum,
            Held = d.Held,
            HeldSum = d.HeldSum,
        }));
        db.Set<ReconciliationRun>().Add(run);
        await db.SaveChangesAsync(ct);
        var before = now - KeepBalancedRuns;
        await db.Set<ReconciliationRun>().Where(r => r.Balanced && r.RanAt < before).ExecuteDeleteAsync(ct);
    }
}
