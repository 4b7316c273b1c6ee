using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Redis;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

/// <summary>
/// The one way a job enters the system, for training and batch prediction alike: the job row and its
/// credit hold commit in one transaction, then the Hangfire enqueue on the job's queue. If the enqueue
/// fails, the job stays committed and the dispatcher enqueues it within seconds (ADR 1).
/// </summary>
internal sealed class JobAdmission(AutoMlDbContext db, CreditLedger ledger, IBackgroundJobClient hangfire, ILogger<JobAdmission> logger)
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
            await EnqueueAsync(job, ct);
            return hold;
        }
    }

    private async Task EnqueueAsync(Job job, CancellationToken ct)
    {
        try
        {
            job.HangfireJobId = hangfire.Create<IRunJob>(j => j.RunAsync(job.Id, CancellationToken.None), new EnqueuedState(job.Queue));
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.HangfireJobId, job.HangfireJobId), ct);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Job {JobId} committed but not enqueued; the dispatcher will enqueue it", job.Id);
        }
    }
}
