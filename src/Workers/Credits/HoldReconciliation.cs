using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Observability;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Credits;

/// <summary>
/// Held credits must belong to live jobs. A hold whose job has ended (or is gone) without settling it would keep the
/// user's credits forever: it is released, under the job's settle key, so a settlement that lands later cannot also
/// apply. What cannot be explained that way (an account's held total that differs from its live jobs' holds) is
/// logged and counted for a person to look at: guessing there could give credits away or take them.
/// </summary>
internal sealed class HoldReconciliation(AutoMlDbContext db, CreditLedger ledger, ILogger<HoldReconciliation> logger)
{
    public sealed record LeftHold(Guid UserId, Guid JobId, long Held, string? Status);

    public sealed record HeldMismatch(Guid UserId, long Held, long LiveHolds);

    /// <returns>The accounts whose held credits still differ from their live jobs' holds.</returns>
    public async Task<IReadOnlyList<HeldMismatch>> RunAsync(CancellationToken ct)
    {
        // A hold's key is job:{id:N}:hold (JobKeys); its settlement's is job:{id:N}:settle. Columns are named as the
        // context's snake_case convention maps the records' properties.
        var left = await db.Database.SqlQuery<LeftHold>($"""
            SELECT h.user_id AS user_id, substring(h.idempotency_key FROM 5 FOR 32)::uuid AS job_id, h.held_change AS held, j.status AS status
            FROM credit_entries h
            LEFT JOIN jobs j ON j.id = substring(h.idempotency_key FROM 5 FOR 32)::uuid
            WHERE h.kind = 'Hold' AND h.idempotency_key LIKE 'job:%:hold'
              AND (j.id IS NULL OR j.status NOT IN ('Queued', 'Running'))
              AND NOT EXISTS (SELECT 1 FROM credit_entries s WHERE s.idempotency_key = 'job:' || substring(h.idempotency_key FROM 5 FOR 32) || ':settle')
            """).ToListAsync(ct);
        foreach (var hold in left)
        {
            await ReleaseAsync(hold, ct);
        }

        var mismatched = await db.Database.SqlQuery<HeldMismatch>($"""
            SELECT a.user_id AS user_id, a.held AS held, COALESCE(SUM(j.held_credits), 0)::bigint AS live_holds
            FROM credit_accounts a LEFT JOIN jobs j ON j.user_id = a.user_id AND j.status IN ('Queued', 'Running')
            GROUP BY a.user_id, a.held
            HAVING a.held <> COALESCE(SUM(j.held_credits), 0)
            """).ToListAsync(ct);
        foreach (var m in mismatched)
        {
            logger.LogCritical("HELD CREDITS MISMATCH for user {UserId}: {Held} credits held but live jobs hold {LiveHolds}; not repaired automatically",
                m.UserId, m.Held, m.LiveHolds);
        }
        AutoMlMetrics.HoldsUnreconciled(mismatched.Count);
        return mismatched;
    }

    private async Task ReleaseAsync(LeftHold hold, CancellationToken ct)
    {
        var why = hold.Status is null ? "its job no longer exists" : $"its job ended {hold.Status.ToLowerInvariant()} without releasing it";
        try
        {
            var released = await ledger.SettleHoldAsync(hold.UserId, hold.Held, 0, $"Hold of job {hold.JobId:N} released by reconciliation: {why}",
                JobKeys.Settle(hold.JobId), ct);
            if (released.Applied)
            {
                AutoMlMetrics.HoldReleasedByReconciliation(hold.Held);
                logger.LogWarning("Released a hold of {Held} credits for user {UserId}: {Why} (job {JobId})", hold.Held, hold.UserId, why, hold.JobId);
            }
        }
        catch (DbUpdateException e)
        {
            Unrepaired(hold, why, e);
        }
        catch (Npgsql.PostgresException e)
        {
            // A check constraint: the account holds less than this hold, so something else already moved it.
            Unrepaired(hold, why, e);
        }
    }

    private void Unrepaired(LeftHold hold, string why, Exception e)
    {
        AutoMlMetrics.HoldsUnreconciled(1);
        logger.LogCritical(e, "Could not release a hold of {Held} credits for user {UserId} ({Why}, job {JobId})", hold.Held, hold.UserId, why, hold.JobId);
    }
}
