using AutoMl.Api.Outcomes;
using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

/// <summary>POST /jobs/{id}/cancel: a queued job ends cancelled here; a running one is flagged for its worker, which settles what it used.</summary>
internal sealed class JobCancel(AutoMlDbContext db, JobSettlement settlement)
{
    /// <returns>The job as it reads after the request.</returns>
    public async Task<Outcome<Job>> CancelAsync(Guid user, Guid id, CancellationToken ct)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == id && j.UserId == user, ct);
        if (job is null)
        {
            return Refusal.NotFound(JobViews.Missing);
        }
        if (job.Status.IsTerminal())
        {
            return Refusal.Conflict($"This job has already ended ({job.Status.ToString().ToLowerInvariant()}); there is nothing to cancel.");
        }
        var queuedEnding = new JobEnding(JobLifecycle.CancelQueued, 0, $"Training job {job.Id:N} cancelled before it started", new JobCancelled(0), new JobOutcome.Cancelled());
        if (!await settlement.EndAsync(job, queuedEnding, ct))
        {
            // Running: its worker sees the request within a second and settles what the job used.
            var running = JobLifecycle.CancelRunning.FromArray;
            await db.Jobs.Where(j => j.Id == id && running.Contains(j.Status)).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        }
        await db.Entry(job).ReloadAsync(ct);
        return job;
    }
}
