using System.Diagnostics;
using System.Text.Json;
using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Queues;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// Runs a training job: claims it (queued → running), trains with the engine under the job's budget
/// while renewing its lease and watching for cancellation, saves the bundle and the model row, and
/// settles the hold (captures what was used, releases the rest). A failure that is ours goes back to
/// queued for Hangfire's retry; after the last one <see cref="DeadJobRefundFilter"/> refunds it. A problem with the
/// user's data (<see cref="DataException"/>) ends the job at once, failed and refunded.
/// </summary>
internal sealed class RunJob(
    AutoMlDbContext db, JobClaim claim, JobSettlement settlement, EventPublisher events, IBlobStore blobs,
    IBackgroundJobClient hangfire, JobFailure failure, BatchPrediction batch, ModelAnnouncements announcements, IServiceScopeFactory scopes, TimeProvider clock, ILogger<RunJob> logger) : IRunJob
{
    public const int MaxAttempts = IRunJob.MaxAttempts;
    private static readonly TimeSpan ConcurrencyRetry = TimeSpan.FromSeconds(5);

    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        switch (await claim.TryStartAsync(jobId, cancellationToken))
        {
            case ClaimOutcome.NotQueued:
                logger.LogInformation("Job {JobId} is not queued (already running, finished or cancelled): duplicate delivery ignored", jobId);
                return;
            case ClaimOutcome.AtConcurrencyLimit:
                var queue = await db.Jobs.Where(j => j.Id == jobId).Select(j => j.Queue).SingleAsync(cancellationToken);
                KeepQueueOnRetry.Schedule(hangfire, Hangfire.Common.Job.FromExpression<IRunJob>(j => j.RunAsync(jobId, CancellationToken.None)), queue, ConcurrencyRetry);
                return;
            case ClaimOutcome.Claimed:
                break;
        }
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        await events.PublishAsync(job.UserId, job.Id, new JobStarted(job.Attempts, job.BudgetSeconds), cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watchStop = new CancellationTokenSource();
        var watch = WatchAsync(job.Id, stop, watchStop.Token);
        var work = Directory.CreateTempSubdirectory("automl-train-");
        var elapsed = Stopwatch.StartNew();
        var outcome = "interrupted";
        try
        {
            if (job.Kind == JobKind.Predict)
            {
                await batch.RunAsync(job, work.FullName, stop.Token);
                outcome = "completed";
            }
            else
            {
                var result = await TrainAsync(job, work.FullName, stop.Token);
                await SucceedAsync(job, result, work.FullName, elapsed.Elapsed);
                outcome = "completed";
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            await CancelledAsync(job, elapsed.Elapsed);
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
            Infrastructure.Observability.AutoMlMetrics.JobAttempt(job.Kind == JobKind.Predict ? "predict" : "train", outcome, elapsed.Elapsed);
            await watchStop.CancelAsync();
            await watch;
            work.Delete(recursive: true);
        }
    }

    private async Task<TrainingResult> TrainAsync(Job job, string work, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == job.DatasetId, ct)
            ?? throw new JobFailedException("The data set was deleted before the job started.");
        var data = Path.Combine(work, "train.parquet");
        await blobs.DownloadToFileAsync(dataset.ProcessedKey!, data, ct);
        await using var recorder = new TrialRecorder(scopes, job.UserId, job.Id, job.BudgetSeconds, clock, logger);
        return await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = data,
            Target = job.Target!,
            Budget = TimeSpan.FromSeconds(job.BudgetSeconds),
            Task = job.Task is null ? null : Enum.Parse<TaskKind>(job.Task, ignoreCase: true),
            Metric = job.Metric is null ? null : Enum.Parse<MetricKind>(job.Metric, ignoreCase: true),
            ExcludedColumns = job.ExcludedColumns,
            Seed = 42,
        }, recorder, ct);
    }

    private async Task SucceedAsync(Job job, TrainingResult result, string work, TimeSpan elapsed)
    {
        var modelId = Guid.CreateVersion7();
        var key = BlobKeys.ModelBundle(job.UserId, modelId);
        var path = Path.Combine(work, "model.bundle");
        result.Bundle.Save(path);
        await blobs.PutFileAsync(key, path, CancellationToken.None);
        var used = Pricing.Used(job.HeldCredits, elapsed, job.BudgetSeconds);
        var now = clock.GetUtcNow();
        var task = result.Task.ToString().ToLowerInvariant();
        var metric = result.Metric.ToString().ToLowerInvariant();

        var ending = new JobEnding(JobLifecycle.Succeed, used, $"Training job {job.Id:N}",
            new JobSucceeded("train", used, job.HeldCredits - used, modelId, result.Score, metric, result.TrialCount))
        {
            First = async ct =>
            {
                db.Models.Add(new Model
                {
                    Id = modelId,
                    UserId = job.UserId,
                    JobId = job.Id,
                    DatasetId = job.DatasetId,
                    Task = task,
                    Target = job.Target!,
                    Metric = metric,
                    Score = result.Score,
                    MetricsJson = Json(result.Metrics),
                    ClassesJson = Json(result.Classes),
                    ImportanceJson = Json(result.Importance.Select(i => new { feature = i.Column, gain = i.MeanAbsShap, share = i.Share })),
                    CurvesJson = Json(new
                    {
                        roc = result.Curves.Roc,
                        pr = result.Curves.PrecisionRecall,
                        confusion = result.Curves.Confusion,
                        predictedVsActual = result.Curves.PredictedVsActual,
                        residuals = result.Curves.Residuals,
                    }),
                    LeaderboardJson = Json(result.Leaderboard.Select(l => new
                    {
                        l.Rank,
                        l.Trial,
                        learner = TrialRecorder.LearnerName(l.Learner),
                        @params = l.Parameters,
                        l.Score,
                        l.Seconds,
                        l.EnsembleWeight,
                    })),
                    InputColumnsJson = Json(result.Bundle.Manifest.InputColumns.Select(c => new { c.Name, kind = c.Kind.ToString().ToLowerInvariant() })),
                    BundleKey = key,
                    BundleBytes = new FileInfo(path).Length,
                    CreatedAt = now,
                });
                await db.SaveChangesAsync(ct);
            },
            Set = s => s
                .SetProperty(j => j.ModelId, modelId)
                .SetProperty(j => j.BestScore, result.Score)
                .SetProperty(j => j.Task, task)
                .SetProperty(j => j.Metric, metric)
                .SetProperty(j => j.Trials, result.TrialCount)
                .SetProperty(j => j.Progress, 1)
                .SetProperty(j => j.EtaSeconds, 0),
        };
        if (!await settlement.EndAsync(job, ending, CancellationToken.None))
        {
            // Lost the lease to another delivery meanwhile: that run owns the outcome.
            await blobs.DeleteAsync(key, CancellationToken.None);
            return;
        }
        await announcements.AnnounceAsync(modelId, key);
        logger.LogInformation("Job {JobId} succeeded: {Metric} {Score:F4} after {Trials} trials; charged {Used} of {Held} credits",
            job.Id, metric, result.Score, result.TrialCount, used, job.HeldCredits);
    }

    private async Task CancelledAsync(Job job, TimeSpan elapsed)
    {
        var used = Pricing.Used(job.HeldCredits, elapsed, job.BudgetSeconds);
        await settlement.EndAsync(job, new JobEnding(JobLifecycle.CancelRunning, used, $"Training job {job.Id:N} cancelled", new JobCancelled(used)),
            CancellationToken.None);
    }

    private async Task RequeueAsync(Guid jobId, string? error) =>
        await db.Jobs.Where(j => j.Id == jobId && JobLifecycle.Requeue.FromArray.Contains(j.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobLifecycle.Requeue.To)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.Error, error), CancellationToken.None);

    /// <summary>Renews the lease and turns a cancel request into cancellation, twice a second.</summary>
    private async Task WatchAsync(Guid jobId, CancellationTokenSource cancelTraining, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var watchDb = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var lastRenewal = DateTimeOffset.MinValue;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(400), stop);
                var now = clock.GetUtcNow();
                if (now - lastRenewal > JobClaim.Lease / 4)
                {
                    await watchDb.Jobs.Where(j => j.Id == jobId && j.Status == JobLifecycle.Occupying)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, now + JobClaim.Lease), stop);
                    lastRenewal = now;
                }
                if (await watchDb.Jobs.AnyAsync(j => j.Id == jobId && j.CancelRequested, stop))
                {
                    await cancelTraining.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

internal sealed class JobFailedException(string message) : Exception(message);
