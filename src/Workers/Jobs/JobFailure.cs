using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>A failure that is ours costs the user nothing: the job ends failed and its whole hold is released.</summary>
internal sealed class JobFailure(AutoMlDbContext db, JobSettlement settlement, ILogger<JobFailure> logger)
{
    public async Task FailAndRefundAsync(Guid jobId, string reason, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null)
        {
            return;
        }
        var error = reason.Length > 2000 ? reason[..2000] : reason;
        var ending = new JobEnding(JobLifecycle.Fail, 0, $"Training job {job.Id:N} failed: refunded", new JobFailed(reason, 0))
        {
            Set = s => s.SetProperty(j => j.Error, error),
        };
        if (!await settlement.EndAsync(job, ending, ct))
        {
            return;
        }
        logger.LogWarning("Job {JobId} failed and its {Held} held credits were released: {Reason}", jobId, job.HeldCredits, reason);
    }
}
