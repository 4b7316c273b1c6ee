using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Workflows;

/// <summary>What a trigger got: a run that started, a run recorded as not started, or no run.</summary>
public abstract record RunStart
{
    /// <summary>Training: its job is admitted and holds its price.</summary>
    public sealed record Started(WorkflowRun Run) : RunStart;

    /// <summary>Recorded as skipped or failed, with the reason.</summary>
    public sealed record Ended(WorkflowRun Run) : RunStart;

    /// <summary>This trigger already started a run (the same schedule occurrence or data set version).</summary>
    public sealed record Duplicate(WorkflowRun Run) : RunStart;

    /// <summary>A run is still training; only one runs at a time.</summary>
    public sealed record Busy(WorkflowRun Active) : RunStart;

    /// <summary>The version to train on is still being ingested; try again shortly.</summary>
    public sealed record NotReady : RunStart;

    public sealed record Paused : RunStart;

    public sealed record Missing : RunStart;
}

/// <summary>
/// Starts a workflow run, whatever triggered it, under the workflow's row lock: one run at a time, never twice for
/// one trigger key, never over a credit cap. The run's row and its job (with the job's credit hold) commit together.
/// </summary>
public sealed class WorkflowRunStarter(AutoMlDbContext db, JobAdmitter admitter, EmailTemplates emails, TimeProvider clock)
{
    /// <param name="datasetId">The version to train on (a data set version trigger); null for the newest ready version.</param>
    /// <param name="recordBusy">Record a skipped run when another is still training (a schedule), instead of answering Busy.</param>
    public async Task<RunStart> StartAsync(Guid workflowId, string trigger, string key, DateTimeOffset? scheduledFor, Guid? datasetId, bool recordBusy, CancellationToken ct)
    {
        Job? admitted = null;
        RunStart outcome;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var workflow = await db.Workflows.FromSql($"SELECT * FROM workflows WHERE id = {workflowId} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (workflow is null)
            {
                return new RunStart.Missing();
            }
            if (await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.WorkflowId == workflowId && r.TriggerKey == key, ct) is { } earlier)
            {
                return new RunStart.Duplicate(earlier);
            }
            if (workflow.Paused && trigger != RunTriggers.Manual)
            {
                return new RunStart.Paused();
            }
            if (await db.WorkflowRuns.AsNoTracking().FirstOrDefaultAsync(r => r.WorkflowId == workflowId && r.Status == RunStatuses.Training, ct) is { } active)
            {
                if (!recordBusy)
                {
                    return new RunStart.Busy(active);
                }
                outcome = new RunStart.Ended(Record(workflow, trigger, key, scheduledFor, null, RunStatuses.Skipped,
                    $"The run started at {active.CreatedAt:yyyy-MM-dd HH:mm} UTC was still training; this occurrence was skipped rather than queued behind it."));
            }
            else
            {
                var dataset = await VersionAsync(workflow, datasetId, ct);
                if (dataset is { Status: DatasetStatus.Ingesting or DatasetStatus.Uploading })
                {
                    return new RunStart.NotReady();
                }
                var run = Record(workflow, trigger, key, scheduledFor, dataset, RunStatuses.Training, null);
                if (Unusable(workflow, dataset) is { } unusable)
                {
                    run.Status = RunStatuses.Failed;
                    run.Reason = unusable;
                    run.FinishedAt = run.CreatedAt;
                    await QueueFailedEmailAsync(workflow, run, ct);
                    outcome = new RunStart.Ended(run);
                }
                else
                {
                    var plan = await admitter.PlanAsync(workflow.UserId, ct);
                    var price = Pricing.Training(plan.Tier, Math.Min(workflow.BudgetSeconds, plan.MaxBudgetSeconds), dataset!.Rows ?? 0, DatasetColumns.Names(dataset.ColumnsJson).Count).Credits;
                    var spent = await CreditsThisMonthAsync(db, workflow.Id, run.CreatedAt, ct);
                    if (CreditCaps.Refusal(price, workflow.RunCreditCap, workflow.MonthlyCreditCap, spent) is { } refusal)
                    {
                        run.Status = RunStatuses.Skipped;
                        run.Reason = refusal;
                        run.FinishedAt = run.CreatedAt;
                        outcome = new RunStart.Ended(run);
                    }
                    else
                    {
                        await db.SaveChangesAsync(ct);
                        var job = NewJob(workflow, plan, dataset, price, run);
                        var hold = await admitter.AdmitAsync(job, $"Workflow '{workflow.Name}' run {run.Id:N}", ct);
                        if (!hold.Applied)
                        {
                            // The admitter cleared the tracked job and run: the run is recorded again, failed, below.
                            await tx.RollbackAsync(ct);
                            return await RecordShortAsync(workflowId, trigger, key, scheduledFor, dataset.Id, price, hold.Balance - hold.Held, ct);
                        }
                        run.JobId = job.Id;
                        admitted = job;
                        outcome = new RunStart.Started(run);
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (admitted is not null)
        {
            await admitter.EnqueueAsync(admitted, ct);
        }
        return outcome;
    }

    /// <summary>What this month's runs of the workflow hold (running) or were charged (ended): the monthly cap's count.</summary>
    public static Task<long> CreditsThisMonthAsync(AutoMlDbContext db, Guid workflowId, DateTimeOffset now, CancellationToken ct)
    {
        var start = CreditCaps.MonthStart(now);
        return db.WorkflowRuns.Where(r => r.WorkflowId == workflowId && r.CreatedAt >= start && r.JobId != null)
            .Join(db.Jobs, r => r.JobId, j => j.Id, (r, j) => j)
            .Select(WorkflowCredits.Counted).SumAsync(ct);
    }

    private async Task<Dataset?> VersionAsync(Workflow workflow, Guid? datasetId, CancellationToken ct)
    {
        var versions = db.Datasets.AsNoTracking().Where(d => d.LineageId == workflow.DatasetLineageId && d.UserId == workflow.UserId);
        if (datasetId is { } id)
        {
            return await versions.SingleOrDefaultAsync(d => d.Id == id, ct);
        }
        return await versions.Where(d => d.Status == DatasetStatus.Ready).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct)
            ?? await versions.OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
    }

    private static string? Unusable(Workflow workflow, Dataset? dataset)
    {
        if (dataset is null)
        {
            return "The workflow's data set has no versions left (it was deleted). Point a new workflow at a data set.";
        }
        if (dataset.Status == DatasetStatus.Failed)
        {
            return $"Version {dataset.Version} of the data set could not be read, so the run did not train: {dataset.Error}";
        }
        var columns = DatasetColumns.Names(dataset.ColumnsJson);
        if (!columns.Contains(workflow.Target))
        {
            return $"Version {dataset.Version} of the data set has no column '{workflow.Target}' to predict.";
        }
        if (workflow.TimeColumn is { } time && !columns.Contains(time))
        {
            return $"Version {dataset.Version} of the data set has no time column '{time}' to hold its newest rows out by.";
        }
        return null;
    }

    private Job NewJob(Workflow workflow, Domain.Pricing.TierPlan plan, Dataset dataset, long price, WorkflowRun run)
    {
        var job = admitter.NewJob(workflow.UserId, JobKind.Train, plan, dataset.Id, price);
        job.DatasetVersion = dataset.Version;
        job.Target = workflow.Target;
        job.Task = workflow.Task;
        job.Metric = workflow.Metric;
        job.BudgetSeconds = Math.Min(workflow.BudgetSeconds, plan.MaxBudgetSeconds);
        job.ExcludedColumns = [.. workflow.ExcludedColumns];
        job.RegisteredModelId = workflow.RegisteredModelId;
        job.RegisteredModelName = db.RegisteredModels.Where(r => r.Id == workflow.RegisteredModelId).Select(r => r.Name).Single();
        job.WorkflowRunId = run.Id;
        return job;
    }

    private WorkflowRun Record(Workflow workflow, string trigger, string key, DateTimeOffset? scheduledFor, Dataset? dataset, string status, string? reason)
    {
        var now = clock.GetUtcNow();
        var run = new WorkflowRun
        {
            Id = Guid.CreateVersion7(),
            WorkflowId = workflow.Id,
            UserId = workflow.UserId,
            Trigger = trigger,
            TriggerKey = key,
            ScheduledFor = scheduledFor,
            DatasetId = dataset?.Id,
            DatasetVersion = dataset?.Version,
            Status = status,
            Reason = reason,
            Metric = workflow.Metric,
            CreatedAt = now,
            FinishedAt = status == RunStatuses.Training ? null : now,
        };
        db.WorkflowRuns.Add(run);
        return run;
    }

    /// <summary>A run the account could not pay for: recorded failed, in its own transaction after the hold's rollback.</summary>
    private async Task<RunStart> RecordShortAsync(Guid workflowId, string trigger, string key, DateTimeOffset? scheduledFor, Guid datasetId, long price, long available, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var workflow = await db.Workflows.AsNoTracking().SingleAsync(w => w.Id == workflowId, ct);
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == datasetId, ct);
        var run = Record(workflow, trigger, key, scheduledFor, dataset, RunStatuses.Failed,
            $"The run needs {price:N0} credits and the account has {Math.Max(0, available):N0} available. Buy credits or lower the budget.");
        await QueueFailedEmailAsync(workflow, run, ct);
        await db.SaveChangesAsync(ct);
        return new RunStart.Ended(run);
    }

    private async Task QueueFailedEmailAsync(Workflow workflow, WorkflowRun run, CancellationToken ct)
    {
        if (await db.Users.AsNoTracking().Where(u => u.Id == workflow.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct) is { } to)
        {
            emails.WorkflowRunFailed(workflow.UserId, to, workflow.Id, workflow.Name, run.Reason ?? "");
        }
    }
}
