using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;

namespace AutoMl.Api.Jobs;

/// <summary>
/// The one way a job enters the system, for training and batch prediction alike: the job row and its
/// credit hold commit in one transaction, then the Hangfire enqueue on the job's queue. If the enqueue
/// fails, the job stays committed and the dispatcher enqueues it within seconds (ADR 1).
/// </summary>
internal sealed class JobAdmission(AutoMlDbContext db, CreditLedger ledger, JobEnqueuer enqueuer)
{
    /// <returns>The hold: when not applied, nothing was written. A duplicate Idempotency-Key surfaces as the insert's DbUpdateException.</returns>
    public async Task<LedgerResult> AdmitAsync(Job job, string holdReference, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct);
            var hold = await ledger.HoldAsync(job.UserId, job.HeldCredits, holdReference, JobKeys.Hold(job.Id), ct);
            if (!hold.Applied)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return hold;
            }
            await tx.CommitAsync(ct);
            job.HangfireJobId = await enqueuer.EnqueueAsync(job.Id, job.Queue, ct);
            return hold;
        }
    }
}
