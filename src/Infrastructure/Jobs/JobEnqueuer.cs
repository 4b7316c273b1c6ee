using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Redis;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>
/// The one way a committed job reaches Hangfire: as the Hangfire job of its kind, on its own queue, remembering the
/// Hangfire id so the dispatcher can tell a held job from a lost one. A failed enqueue loses nothing: the job row is
/// committed and the dispatcher enqueues it again within seconds (ADR 1).
/// </summary>
public sealed class JobEnqueuer(AutoMlDbContext db, IBackgroundJobClient hangfire, TimeProvider clock, ILogger<JobEnqueuer> logger)
{
    /// <returns>The Hangfire job id, or null when Hangfire could not be reached.</returns>
    public async Task<string?> EnqueueAsync(Guid jobId, JobKind kind, string queue, CancellationToken ct)
    {
        string id;
        try
        {
            id = hangfire.Create(JobDeliveries.For(kind, jobId), new EnqueuedState(queue));
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Job {JobId} committed but not enqueued; the dispatcher will enqueue it", jobId);
            return null;
        }
        var now = clock.GetUtcNow();
        // Whatever its status by now (a fast worker may have claimed it), the id is the one Hangfire holds for it.
        await db.Jobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HangfireJobId, id).SetProperty(j => j.EnqueuedAt, now), ct);
        return id;
    }
}
