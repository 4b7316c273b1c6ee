using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

/// <summary>Accounts whose balance or held credits differ from their ledger entries: the reconciliation's own check, every minute.</summary>
internal sealed class LedgerDriftRule(AutoMlDbContext db, IOptions<AlertOptions> options) : IAlertRule
{
    public async Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct)
    {
        var drift = await LedgerDrift.FindAsync(db, ct);
        var first = drift.FirstOrDefault();
        var message = first is null
            ? "Every balance and hold equals the sum of its ledger entries."
            : $"{drift.Count} account(s) differ from their ledger entries; user {first.UserId} has balance {first.Balance} but entries sum to "
              + $"{first.EntriesSum}, held {first.Held} but holds sum to {first.HeldSum}. Nothing is repaired automatically: see GET /api/v1/admin/reconciliation and the ledger.";
        return [AlertReading.For(AlertRules.LedgerDrift, AlertSeverity.Critical, options.Value.LedgerDrift, drift.Count, message)];
    }
}
