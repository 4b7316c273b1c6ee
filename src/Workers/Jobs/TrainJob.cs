using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;
using AutoMl.Workers.Workflows;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// Trains a model with the engine under the job's budget, saves its bundle, and ends the job succeeded with the model's
/// row, charged for the time it used. The claim, lease, cancel and retry are <see cref="JobRun"/>'s.
/// </summary>
internal sealed class TrainJob(
    JobRun run, AutoMlDbContext db, JobSettlement settlement, IBlobStore blobs, ModelAnnouncements announcements, WorkflowEvaluation workflows,
    WorkflowDecisions decisions, IServiceScopeFactory scopes, TimeProvider clock, ILogger<TrainJob> logger) : ITrainJob
{
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await run.RunAsync(jobId, WorkAsync, cancellationToken);
        // However the job ended (succeeded, failed or cancelled), a workflow run it trained for is decided now; a job
        // that ends on a later delivery, or dead-lettered, is caught by WorkflowSweep.
        await decisions.ConcludeAsync(jobId, CancellationToken.None);
    }

    private async Task WorkAsync(RunningJob running, CancellationToken ct)
    {
        var (result, prepared, effects) = await TrainAsync(running.Job, running.WorkDirectory, ct);
        if (prepared is not null)
        {
            await workflows.RecordAsync(prepared, result, ct);
        }
        // The feature effects explain the model after its budget: their seconds are ours, not the user's.
        await SucceedAsync(running.Job, result, running.WorkDirectory, running.Elapsed - effects, prepared);
    }

    private async Task<(TrainingResult Result, PreparedRun? Workflow, TimeSpan Effects)> TrainAsync(Job job, string work, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == job.DatasetId, ct)
            ?? throw new JobFailedException("The data set was deleted before the job started.");
        var data = Path.Combine(work, "train.parquet");
        await blobs.DownloadToFileAsync(dataset.ProcessedKey!, data, ct);
        PreparedRun? prepared = null;
        if (job.WorkflowRunId is not null)
        {
            // The held-out rows leave the training data: the candidate is compared on rows it never saw.
            var all = Path.Combine(work, "version.parquet");
            File.Move(data, all);
            prepared = await workflows.PrepareAsync(job, all, data, work, ct);
            if (prepared is null)
            {
                File.Move(all, data);
            }
        }
        await using var recorder = new TrialRecorder(scopes, job.UserId, job.Id, job.BudgetSeconds, clock, logger);
        var result = await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = data,
            Target = job.Target!,
            Budget = TimeSpan.FromSeconds(job.BudgetSeconds),
            Task = job.Task is null ? null : Enum.Parse<TaskKind>(job.Task, ignoreCase: true),
            Metric = job.Metric is null ? null : Enum.Parse<MetricKind>(job.Metric, ignoreCase: true),
            ExcludedColumns = job.ExcludedColumns,
            Seed = 42,
        }, recorder, ct);
        var effects = System.Diagnostics.Stopwatch.StartNew();
        result = await AutoMlEngine.WithFeatureEffectsAsync(result, data, AutoMlEngine.FeatureEffectsCap(TimeSpan.FromSeconds(job.BudgetSeconds)), ct);
        return (result, prepared, effects.Elapsed);
    }

    private async Task SucceedAsync(Job job, TrainingResult result, string work, TimeSpan elapsed, PreparedRun? prepared)
    {
        var modelId = Guid.CreateVersion7();
        var key = BlobKeys.ModelBundle(job.UserId, modelId);
        var path = Path.Combine(work, "model.bundle");
        result.Bundle.Save(path);
        await blobs.PutFileAsync(key, path, CancellationToken.None);
        var holdoutKey = BlobKeys.ModelHoldout(job.UserId, modelId);
        if (prepared is not null)
        {
            // Kept with the model, so a later run against it knows these rows were never trained on.
            await blobs.PutFileAsync(holdoutKey, prepared.HoldoutPath, CancellationToken.None);
        }
        var used = Pricing.Used(job.HeldCredits, elapsed, job.BudgetSeconds);
        var model = ModelRecord.From(job, result, modelId, key, new FileInfo(path).Length, clock.GetUtcNow());
        model.BaselineJson = await TrainingBaseline.ComputeJsonAsync(Path.Combine(work, "train.parquet"),
            result.Bundle.Manifest.InputColumns.Select(c => c.Name).ToList(), CancellationToken.None);

        var ending = new JobEnding(JobLifecycle.Succeed, used, $"Training job {job.Id:N}",
            new JobSucceeded("train", used, job.HeldCredits - used, modelId, result.Score, model.Metric, result.TrialCount),
            new JobOutcome.ModelTrained(model, result.TrialCount));
        if (!await settlement.EndAsync(job, ending, CancellationToken.None))
        {
            // Lost the lease to another delivery meanwhile: that run owns the outcome.
            await blobs.DeleteAsync(key, CancellationToken.None);
            await blobs.DeleteAsync(holdoutKey, CancellationToken.None);
            return;
        }
        await announcements.AnnounceAsync(modelId, key);
        logger.LogInformation("Job {JobId} succeeded: {Metric} {Score:F4} after {Trials} trials; charged {Used} of {Held} credits",
            job.Id, model.Metric, result.Score, result.TrialCount, used, job.HeldCredits);
    }
}
