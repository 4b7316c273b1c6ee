using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Redis;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// Postgres is the truth (ADR 1). Every few seconds, one worker (a Redis lock) brings back running jobs
/// whose lease lapsed (their worker died) and re-enqueues queued jobs that Hangfire no longer holds
/// (the enqueue failed, or Redis lost it).
/// </summary>
internal sealed class JobDispatcher(
    IServiceScopeFactory scopes, DistributedLocks locks, TimeProvider clock, ILogger<JobDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan EnqueueGrace = TimeSpan.FromSeconds(5);
    private static readonly string[] HeldStates = [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var turn = await locks.TryAcquireAsync("job-dispatcher", Interval);
                if (turn is not null)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await DispatchAsync(scope.ServiceProvider, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Job dispatch pass failed; trying again in {Seconds} s", Interval.TotalSeconds);
            }
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task DispatchAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AutoMlDbContext>();
        var enqueuer = services.GetRequiredService<JobEnqueuer>();
        var storage = services.GetRequiredService<JobStorage>();
        var now = clock.GetUtcNow();

        var leased = JobLifecycle.Requeue.FromArray;
        var orphaned = await db.Jobs.AsNoTracking().Where(j => leased.Contains(j.Status) && j.LeaseUntil < now).ToListAsync(ct);
        foreach (var job in orphaned)
        {
            if (job.CancelRequested)
            {
                await CancelAsync(services, job, JobLifecycle.CancelRunning, ct);
                continue;
            }
            if (job.Attempts >= JobAttempts.Max)
            {
                await services.GetRequiredService<JobFailure>().FailAndRefundAsync(job.Id,
                    JobFaults.WorkerLost(job.Attempts), ct);
                continue;
            }
            await db.Jobs.Where(j => j.Id == job.Id && leased.Contains(j.Status) && j.LeaseUntil < now)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobLifecycle.Requeue.To).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.HangfireJobId, (string?)null), ct);
            logger.LogWarning("Job {JobId} lost its worker (lease lapsed); queued again", job.Id);
        }

        // Cancelled while its worker was gone (or handed back by a worker that failed): no worker claims it any more,
        // so it ends here, or it would hold its credits forever.
        var cancelled = await db.Jobs.AsNoTracking().Where(j => j.Status == JobLifecycle.Waiting && j.CancelRequested).Take(1000).ToListAsync(ct);
        foreach (var job in cancelled)
        {
            await CancelAsync(services, job, JobLifecycle.CancelQueued, ct);
        }

        var queued = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobLifecycle.Waiting && !j.CancelRequested && j.EnqueuedAt < now - EnqueueGrace)
            .OrderBy(j => j.EnqueuedAt).Take(1000)
            .Select(j => new { j.Id, j.Kind, j.Queue, j.HangfireJobId })
            .ToListAsync(ct);
        using var connection = storage.GetConnection();
        foreach (var job in queued)
        {
            if (job.HangfireJobId is not null && connection.GetStateData(job.HangfireJobId)?.Name is { } state && HeldStates.Contains(state))
            {
                continue;
            }
            if (await enqueuer.EnqueueAsync(job.Id, job.Kind, job.Queue, ct) is null)
            {
                continue;
            }
            logger.LogWarning("Job {JobId} was queued in Postgres but not in Hangfire; enqueued again", job.Id);
        }
    }

    /// <summary>
    /// Ends a job whose user asked to cancel it and whose worker is gone. The time it ran cannot be told from a dead
    /// worker's lease, and the loss was ours, so the whole hold is released.
    /// </summary>
    private async Task CancelAsync(IServiceProvider services, Job job, JobTransition cancel, CancellationToken ct)
    {
        var ending = new JobEnding(cancel, 0, $"Job {job.Id:N} cancelled; its worker had stopped", new JobCancelled(0), new JobOutcome.Cancelled());
        if (await services.GetRequiredService<JobSettlement>().EndAsync(job, ending, ct))
        {
            logger.LogWarning("Job {JobId} was cancelled while its worker was gone; ended cancelled and its {Held} held credits released", job.Id, job.HeldCredits);
        }
    }
}
