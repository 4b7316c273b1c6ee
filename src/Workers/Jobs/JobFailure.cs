using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>A failure that is ours costs the user nothing: the job ends failed and its whole hold is released.</summary>
internal sealed class JobFailure(AutoMlDbContext db, CreditLedger ledger, EventPublisher events, TimeProvider clock, ILogger<JobFailure> logger)
{
    public async Task FailAndRefundAsync(Guid jobId, string reason, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var failed = await db.Jobs.Where(j => j.Id == jobId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Failed)
                    .SetProperty(j => j.Error, reason.Length > 2000 ? reason[..2000] : reason)
                    .SetProperty(j => j.ChargedCredits, 0)
                    .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.FinishedAt, now), ct);
            if (failed == 0)
            {
                return;
            }
            await ledger.SettleHoldAsync(job.UserId, job.HeldCredits, 0, $"Training job {job.Id:N} failed: refunded", JobKeys.Settle(job.Id), ct);
            await tx.CommitAsync(ct);
        }
        logger.LogWarning("Job {JobId} failed and its {Held} held credits were released: {Reason}", jobId, job.HeldCredits, reason);
        await events.PublishAsync(job.UserId, job.Id, JobEventTypes.Failed, new { error = reason, chargedCredits = 0 }, ct);
        await events.PublishAsync(job.UserId, null, JobEventTypes.CreditsChanged, new { reason = "refund", jobId = job.Id, amount = job.HeldCredits }, ct);
    }
}
