using System.Diagnostics;
using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Queues;
using AutoMl.Ml.Training;
using AutoMl.Workers.Hosting;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>A claimed job at work: its row as claimed, a scratch folder the run deletes, and how long it has run.</summary>
internal sealed record RunningJob(Job Job, string WorkDirectory, Stopwatch Clock)
{
    public TimeSpan Elapsed => Clock.Elapsed;
}

/// <summary>
/// What every job run shares, whatever its work: claims the job (queued → running), says it started, keeps its lease
/// and stops the work on a cancel request, and ends it by how the work ended. A cancel settles what the job used. A
/// failure that is ours goes back to queued for Hangfire's retry; after the last one <see cref="DeadJobRefundFilter"/>
/// refunds it. A problem with the user's data (<see cref="DataException"/>) or a missing input
/// (<see cref="JobFailedException"/>) ends the job at once, failed and refunded.
/// </summary>
internal sealed class JobRun(
    AutoMlDbContext db, JobClaim claim, JobSettlement settlement, EventPublisher events, IBackgroundJobClient hangfire,
    JobFailure failure, IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRun> logger)
{
    private static readonly TimeSpan ConcurrencyRetry = TimeSpan.FromSeconds(5);

    /// <summary>Runs the job with <paramref name="work"/>, its own work, which ends the job itself when it succeeds.</summary>
    public async Task RunAsync(Guid jobId, Func<RunningJob, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        switch (await claim.TryStartAsync(jobId, cancellationToken))
        {
            case ClaimOutcome.NotQueued:
                logger.LogInformation("Job {JobId} is not queued (already running, finished or cancelled): duplicate delivery ignored", jobId);
                return;
            case ClaimOutcome.AtConcurrencyLimit:
                var waiting = await db.Jobs.Where(j => j.Id == jobId).Select(j => new { j.Kind, j.Queue }).SingleAsync(cancellationToken);
                KeepQueueOnRetry.Schedule(hangfire, JobDeliveries.For(waiting.Kind, jobId), waiting.Queue, ConcurrencyRetry);
                return;
            case ClaimOutcome.OwnerSuspended:
                var suspended = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
                await settlement.EndAsync(suspended, SuspendedAccountJobs.Ending(suspended), cancellationToken);
                logger.LogInformation("Job {JobId} not started: its account is suspended; cancelled with its hold released", jobId);
                return;
            case ClaimOutcome.Claimed:
                break;
        }
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        await events.PublishAsync(job.UserId, job.Id, new JobStarted(job.Attempts, job.BudgetSeconds), cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = LeaseWatch.Start(scopes, clock, Lease(job.Id), stop);
        var directory = Directory.CreateTempSubdirectory($"automl-{KindName(job.Kind)}-");
        var running = new RunningJob(job, directory.FullName, Stopwatch.StartNew());
        var outcome = "interrupted";
        try
        {
            await work(running, stop.Token);
            outcome = "completed";
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            await CancelledAsync(job, running.Elapsed);
        }
        catch (JobFailedException e)
        {
            outcome = "failed";
            await failure.FailAndRefundAsync(job.Id, e.Message, CancellationToken.None);
        }
        catch (DataException e)
        {
            // The user's data, not our platform: another attempt would fail the same way, so the job ends now (Hangfire
            // sees no exception and does not retry) and costs nothing.
            outcome = "failed";
            logger.LogInformation("Job {JobId} stopped on a data problem: {Problem}", job.Id, e.Message);
            await failure.FailAndRefundAsync(job.Id, JobFaults.DataProblem(e.Message), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = "retried";
            var reference = JobFaults.NewReference();
            logger.LogError(e, "Job {JobId} attempt {Attempt} failed; reference {Reference}", job.Id, job.Attempts, reference);
            await RequeueAsync(job.Id, JobFaults.Retrying(reference));
            throw;
        }
        catch (OperationCanceledException)
        {
            // The worker is shutting down: hand the job back, Hangfire or the dispatcher delivers it again.
            await RequeueAsync(job.Id, null);
            throw;
        }
        finally
        {
            Infrastructure.Observability.AutoMlMetrics.JobAttempt(KindName(job.Kind), outcome, running.Elapsed);
            await watch.DisposeAsync();
            directory.Delete(recursive: true);
        }
    }

    private static string KindName(JobKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The job's lease, renewed while it runs; its owner's cancel request stops the work.</summary>
    private static LeaseTerms Lease(Guid jobId) => new(JobClaim.Lease,
        (leaseDb, until, ct) => leaseDb.Jobs.Where(j => j.Id == jobId && j.Status == JobLifecycle.Occupying)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct),
        (leaseDb, ct) => leaseDb.Jobs.AnyAsync(j => j.Id == jobId && j.CancelRequested, ct));

    private async Task CancelledAsync(Job job, TimeSpan elapsed)
    {
        var used = Pricing.Used(job.HeldCredits, elapsed, job.BudgetSeconds);
        await settlement.EndAsync(job,
            new JobEnding(JobLifecycle.CancelRunning, used, $"Training job {job.Id:N} cancelled", new JobCancelled(used), new JobOutcome.Cancelled()),
            CancellationToken.None);
    }

    private async Task RequeueAsync(Guid jobId, string? error) =>
        await db.Jobs.Where(j => j.Id == jobId && JobLifecycle.Requeue.FromArray.Contains(j.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobLifecycle.Requeue.To)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.Error, error), CancellationToken.None);
}

/// <summary>An input the job needs is gone (deleted before it ran): the job ends failed and refunded, not retried.</summary>
internal sealed class JobFailedException(string message) : Exception(message);
