using System.Text.Json;
using AutoMl.Api.Credits;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Schema;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Jobs;

internal abstract record Submission
{
    public sealed record Accepted(Job Job, bool Replayed) : Submission;
    public sealed record Quoted(Domain.Pricing.PriceBreakdown Price) : Submission;
    /// <summary>A refusal; <paramref name="Code"/> tells a data problem's kind to programs, <paramref name="Overridable"/> says force would pass it.</summary>
    public sealed record Rejected(int Status, string Title, string Detail, string? Field = null, string? Code = null, bool Overridable = false) : Submission;
}

/// <summary>POST /jobs: checks the request against the data set and the tier, prices it, and admits it (<see cref="JobAdmission"/>).</summary>
internal sealed class JobSubmission(AutoMlDbContext db, JobAdmission admission, EventPublisher events, TimeProvider clock)
{
    public async Task<Submission> QuoteAsync(Guid user, SubmitJobRequest request, CancellationToken ct)
    {
        var check = await CheckAsync(user, request, ct);
        return check.Rejection ?? (Submission)new Submission.Quoted(check.Price);
    }

    public async Task<Submission> SubmitAsync(Guid user, SubmitJobRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is not null
            && await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.UserId == user && j.IdempotencyKey == idempotencyKey, ct) is { } earlier)
        {
            return new Submission.Accepted(earlier, true);
        }
        var check = await CheckAsync(user, request, ct);
        if (check.Rejection is not null)
        {
            return check.Rejection;
        }
        var job = NewJob(user, request, check);
        job.IdempotencyKey = idempotencyKey;

        LedgerResult hold;
        try
        {
            hold = await admission.AdmitAsync(job, $"Training job {job.Id:N}", ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return new Submission.Accepted(await db.Jobs.AsNoTracking().SingleAsync(j => j.UserId == user && j.IdempotencyKey == idempotencyKey, ct), true);
        }
        if (!hold.Applied)
        {
            var unconfirmed = await db.Users.AnyAsync(u => u.Id == user && !u.EmailConfirmed, ct);
            return new Submission.Rejected(StatusCodes.Status402PaymentRequired, CreditShortfall.Title,
                CreditShortfall.Detail(hold, $"This job holds {job.HeldCredits} credits", "starting new jobs",
                    "Lower the budget, or buy credits." + (unconfirmed ? " Confirm your email to receive the welcome bonus." : "")));
        }
        await db.Datasets.Where(d => d.Id == job.DatasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastUsedAt, job.CreatedAt), ct);
        await events.PublishAsync(user, job.Id, new JobQueued(job.Queue, job.HeldCredits, job.BudgetSeconds, "train"), ct);
        await events.PublishAsync(user, null, new CreditsChanged("hold", job.HeldCredits, job.Id, hold.Balance, hold.Balance - hold.Held, hold.Owed), ct);
        return new Submission.Accepted(job, false);
    }

    private Job NewJob(Guid user, SubmitJobRequest request, Checked check)
    {
        var now = clock.GetUtcNow();
        return new Job
        {
            Id = Guid.CreateVersion7(),
            UserId = user,
            Kind = JobKind.Train,
            Status = JobLifecycle.Initial,
            Queue = check.Plan.Queue.Name(),
            DatasetId = request.DatasetId,
            Target = request.Target,
            Task = check.Task,
            Metric = check.Metric,
            BudgetSeconds = request.BudgetSeconds,
            ExcludedColumns = request.ExcludedColumns?.ToList() ?? [],
            HeldCredits = check.Price.Credits,
            CreatedAt = now,
            EnqueuedAt = now,
        };
    }

    private sealed record Checked(Submission.Rejected? Rejection, TierPlan Plan, PriceBreakdown Price, string? Task, string? Metric);

    private async Task<Checked> CheckAsync(Guid user, SubmitJobRequest request, CancellationToken ct)
    {
        var tier = await db.Users.Where(u => u.Id == user).Select(u => u.Tier).SingleAsync(ct);
        var plan = TierPlan.For(tier);
        var none = new PriceBreakdown(0, 0, 0, 0, "");
        Checked Reject(int status, string title, string detail, string? field = null, string? code = null) => new(new(status, title, detail, field, code), plan, none, null, null);

        if (request.BudgetSeconds > plan.MaxBudgetSeconds)
        {
            return Reject(400, "Budget too long", $"The {tier.ToString().ToLowerInvariant()} tier trains for at most {plan.MaxBudgetSeconds} seconds.", "budgetSeconds");
        }
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DatasetId && d.UserId == user, ct);
        if (dataset is null)
        {
            return Reject(404, "Not found", "No data set with this id exists in your account.");
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            return Reject(409, "Data set not ready", dataset.Status == DatasetStatus.Failed
                ? $"This data set could not be read, so it cannot be trained on: {dataset.Error}"
                : "This data set is still being ingested; submit the job when its status is 'ready'.");
        }
        var columns = Columns(dataset);
        if (!columns.TryGetValue(request.Target, out _))
        {
            return Reject(422, "Unknown target", $"The data set has no column '{request.Target}'. Its columns are: {string.Join(", ", columns.Keys.Take(30))}.", "target", "target-not-found");
        }
        var unknown = (request.ExcludedColumns ?? []).Where(c => !columns.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            return Reject(422, "Unknown columns", $"excludedColumns names columns the data set does not have: {string.Join(", ", unknown)}.", "excludedColumns");
        }
        if ((request.ExcludedColumns ?? []).Contains(request.Target))
        {
            return Reject(422, "Target excluded", "The target cannot also be an excluded column.", "excludedColumns", "target-excluded");
        }
        var task = request.Task?.ToLowerInvariant();
        if (task is not null && !MetricNames.ByTask.ContainsKey(task))
        {
            return Reject(400, "Unknown task", "task is one of binary, multiclass, regression, or left out to be inferred.", "task");
        }
        var metric = request.Metric is null ? null : MetricNames.Normalize(request.Metric);
        if (metric is not null)
        {
            var allowed = task is null ? MetricNames.ByTask.Values.SelectMany(m => m).Distinct() : MetricNames.ByTask[task];
            if (!allowed.Contains(metric))
            {
                return Reject(400, "Unknown metric", $"metric is one of {string.Join(", ", allowed)}{(task is null ? "" : $" for a {task} task")}.", "metric");
            }
        }
        if (DataProblem(dataset, columns[request.Target], request, task) is { } problem)
        {
            return new Checked(new(422, problem.Title, problem.Detail, "target", problem.Code, problem.Overridable), plan, none, null, null);
        }
        var price = Pricing.Training(tier, request.BudgetSeconds, dataset.Rows ?? 0, columns.Count);
        return new Checked(null, plan, price, task, metric);
    }

    /// <summary>The stored profile of the target, put to the rules of <see cref="TrainingPreflight"/>.</summary>
    private static DataProblem? DataProblem(Dataset dataset, JsonElement column, SubmitJobRequest request, string? task)
    {
        static double? Number(JsonElement c, string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        if (Number(column, "missing") is not { } missing || Number(column, "distinct") is not { } distinct || dataset.Rows is not { } rows)
        {
            // A profile without counts leaves the checks to the engine, which fails such a job refunded.
            return null;
        }
        var top = column.TryGetProperty("topCategories", out var categories) && categories.ValueKind == JsonValueKind.Array
            ? categories.EnumerateArray().Select(c => new ValueCount(c.GetProperty("value").GetString() ?? "", c.GetProperty("count").GetInt64())).ToList()
            : [];
        var facts = new TargetFacts(request.Target, column.GetProperty("type").GetString()!, rows, (long)missing, (long)distinct,
            Number(column, "min"), Number(column, "max"), top);
        // The engine's own rule infers the task when none is asked for, so both sides judge the same task.
        var effective = task ?? TaskInference.Infer(facts.IsNumeric, facts.Distinct).ToString().ToLowerInvariant();
        return TrainingPreflight.Check(facts, effective, request.Force);
    }

    /// <summary>Each column's stored profile by name, read once for the name checks and the target's pre-flight.</summary>
    private static Dictionary<string, JsonElement> Columns(Dataset dataset)
    {
        if (dataset.ColumnsJson is null)
        {
            return [];
        }
        using var doc = JsonDocument.Parse(dataset.ColumnsJson);
        return doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    }
}
