using System.Text.Json;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Registry;
using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using AutoMl.Infrastructure.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Workflows;

/// <summary>A workflow made, or why not: a problem (404, 409, 422) or a field's validation message.</summary>
internal sealed record WorkflowCreated(Workflow? Workflow, ProblemHttpResult? Problem = null, ValidationProblem? Invalid = null);

/// <summary>
/// A workflow's request checked as a job's would be (<see cref="TrainingRequestCheck"/>: the same data set, target,
/// task, metric and budget rules), its settings checked, and the registered model found or created.
/// </summary>
internal static class WorkflowCreation
{
    public const int DefaultDebounceSeconds = 60;
    private const int MaxGuardrails = 10;

    public static async Task<WorkflowCreated> CreateAsync(CreateWorkflowRequest request, Guid user, AutoMlDbContext db, TrainingRequestCheck check, TimeProvider clock, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return new(null, Invalid: ProblemResults.Validation("name", "name is 1 to 64 characters."));
        }
        SubmitJobRequest training;
        if (request.JobId is { } jobId)
        {
            var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.UserId == user && j.Kind == JobKind.Train, ct);
            if (job is null)
            {
                return new(null, ProblemResults.NotFound("No training job with this id exists in your account."));
            }
            training = new SubmitJobRequest(job.DatasetId, job.Target!, request.Task ?? job.Task, request.Metric ?? job.Metric, request.BudgetSeconds ?? job.BudgetSeconds,
                request.ExcludedColumns ?? job.ExcludedColumns, Force: true);
        }
        else
        {
            if (request.DatasetId is not { } datasetId)
            {
                return new(null, Invalid: ProblemResults.Validation("datasetId", "Name a finished training job to copy (jobId), or the data set to train on (datasetId) with its target."));
            }
            if (string.IsNullOrWhiteSpace(request.Target))
            {
                return new(null, Invalid: ProblemResults.Validation("target", "Name the column to predict (target)."));
            }
            if (request.BudgetSeconds is not { } budget || budget is < 10 or > 6 * 60 * 60)
            {
                return new(null, Invalid: ProblemResults.Validation("budgetSeconds", "budgetSeconds is from 10 to 21,600 (6 hours)."));
            }
            training = new SubmitJobRequest(datasetId, request.Target, request.Task, request.Metric, budget, request.ExcludedColumns);
        }
        if (!(await check.CheckAsync(user, training, ct)).IsDone(out var terms, out var refusal))
        {
            return new(null, Outcomes.OutcomeResults.Problem(refusal));
        }
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == terms.DatasetId, ct);
        var now = clock.GetUtcNow();
        var runCap = request.RunCreditCap ?? terms.Price.Credits * 2;
        var workflow = new Workflow
        {
            Id = Guid.CreateVersion7(),
            UserId = user,
            Name = name,
            DatasetLineageId = dataset.LineageId,
            Target = training.Target,
            Task = terms.Task,
            Metric = terms.Metric,
            BudgetSeconds = training.BudgetSeconds,
            ExcludedColumns = [.. training.ExcludedColumns ?? []],
            Policy = PromotionPolicies.Automatic,
            Margin = PromotionRule.DefaultMargin,
            RunCreditCap = runCap,
            MonthlyCreditCap = request.MonthlyCreditCap ?? runCap * 10,
            DebounceSeconds = DefaultDebounceSeconds,
            OnNewVersion = request.OnNewVersion,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var settings = new UpdateWorkflowRequest(request.Policy, request.Margin, request.Guardrails, request.RunCreditCap, request.MonthlyCreditCap, null,
            request.Schedule, false, null, request.DebounceSeconds, request.TimeColumn);
        if (await ApplyAsync(workflow, settings, db, ct) is { } invalid)
        {
            return new(null, Invalid: invalid);
        }
        if (terms.Price.Credits > workflow.RunCreditCap)
        {
            return new(null, Invalid: ProblemResults.Validation("runCreditCap",
                $"A run of this workflow holds {terms.Price.Credits:N0} credits today, over the per-run cap of {workflow.RunCreditCap:N0}: raise the cap or lower the budget."));
        }
        if (workflow.MonthlyCreditCap < workflow.RunCreditCap)
        {
            return new(null, Invalid: ProblemResults.Validation("monthlyCreditCap", "monthlyCreditCap is at least runCreditCap: otherwise no run could start."));
        }
        var registered = await RegisteredAsync(request.RegisteredModel, user, terms.Task, training.Target, db, now, ct);
        if (registered.Problem is not null || registered.Invalid is not null)
        {
            return new(null, registered.Problem, registered.Invalid);
        }
        workflow.RegisteredModelId = registered.Id!.Value;
        db.Workflows.Add(workflow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new(null, ProblemResults.Conflict($"A workflow named '{name}' already exists in your account; pick another name."));
        }
        return new(workflow);
    }

    /// <summary>Applies the settings a request sends to <paramref name="workflow"/>, or says which one is wrong (then nothing is applied that matters: the caller does not save).</summary>
    public static async Task<ValidationProblem?> ApplyAsync(Workflow workflow, UpdateWorkflowRequest request, AutoMlDbContext db, CancellationToken ct)
    {
        if (request.Policy is { } policy)
        {
            if (!PromotionPolicies.All.Contains(policy))
            {
                return ProblemResults.Validation("policy", $"policy is one of {string.Join(", ", PromotionPolicies.All)}.");
            }
            workflow.Policy = policy;
        }
        if (request.Margin is { } margin)
        {
            if (margin is < 0 or > 1 || double.IsNaN(margin))
            {
                return ProblemResults.Validation("margin", "margin is the least gain of the primary metric that counts as better, from 0 to 1 (default 0.005).");
            }
            workflow.Margin = margin;
        }
        if (request.Guardrails is { } guardrails)
        {
            if (GuardrailProblem(guardrails, workflow.Task) is { } problem)
            {
                return ProblemResults.Validation("guardrails", problem);
            }
            workflow.GuardrailsJson = JsonSerializer.Serialize(guardrails.Select(g => new GuardrailView(MetricNames.Normalize(g.Metric), g.Tolerance)), JsonSerializerOptions.Web);
        }
        if (request.RunCreditCap is { } runCap)
        {
            if (runCap < 1)
            {
                return ProblemResults.Validation("runCreditCap", "runCreditCap is 1 credit or more.");
            }
            workflow.RunCreditCap = runCap;
        }
        if (request.MonthlyCreditCap is { } monthlyCap)
        {
            if (monthlyCap < 1)
            {
                return ProblemResults.Validation("monthlyCreditCap", "monthlyCreditCap is 1 credit or more.");
            }
            workflow.MonthlyCreditCap = monthlyCap;
        }
        if (request.BudgetSeconds is { } budget)
        {
            if (budget is < 10 or > 6 * 60 * 60)
            {
                return ProblemResults.Validation("budgetSeconds", "budgetSeconds is from 10 to 21,600 (6 hours).");
            }
            workflow.BudgetSeconds = budget;
        }
        if (request.ClearSchedule)
        {
            workflow.Cron = null;
            workflow.TimeZone = null;
        }
        else if (request.Schedule is { } schedule)
        {
            if (WorkflowSchedules.Problem(schedule.Cron, schedule.TimeZone) is { } problem)
            {
                return ProblemResults.Validation("schedule", problem);
            }
            workflow.Cron = string.Join(' ', schedule.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            workflow.TimeZone = string.IsNullOrWhiteSpace(schedule.TimeZone) ? "UTC" : schedule.TimeZone;
        }
        if (request.OnNewVersion is { } onNewVersion)
        {
            workflow.OnNewVersion = onNewVersion;
        }
        if (request.DebounceSeconds is { } debounce)
        {
            if (debounce is < 5 or > 24 * 60 * 60)
            {
                return ProblemResults.Validation("debounceSeconds", "debounceSeconds is from 5 to 86,400 (a day).");
            }
            workflow.DebounceSeconds = debounce;
        }
        if (request.TimeColumn is { } timeColumn)
        {
            if (timeColumn.Length == 0)
            {
                workflow.TimeColumn = null;
            }
            else
            {
                if (timeColumn == workflow.Target)
                {
                    return ProblemResults.Validation("timeColumn", "The time column cannot be the target.");
                }
                var latest = await db.Datasets.AsNoTracking().Where(d => d.LineageId == workflow.DatasetLineageId && d.ColumnsJson != null)
                    .OrderByDescending(d => d.Version).Select(d => d.ColumnsJson).FirstOrDefaultAsync(ct);
                if (latest is not null && !Infrastructure.Datasets.DatasetColumns.Names(latest).Contains(timeColumn))
                {
                    return ProblemResults.Validation("timeColumn", $"The data set has no column '{timeColumn}'.");
                }
                workflow.TimeColumn = timeColumn;
            }
        }
        return null;
    }

    private static string? GuardrailProblem(IReadOnlyList<GuardrailView> guardrails, string? task)
    {
        if (guardrails.Count > MaxGuardrails)
        {
            return $"At most {MaxGuardrails} guardrails.";
        }
        var allowed = task is null ? MetricNames.ByTask.Values.SelectMany(m => m).Distinct().ToArray() : MetricNames.ByTask[task];
        foreach (var g in guardrails)
        {
            if (g.Metric is null || !allowed.Contains(MetricNames.Normalize(g.Metric)))
            {
                return $"A guardrail's metric is one of {string.Join(", ", allowed)}.";
            }
            if (g.Tolerance < 0 || double.IsNaN(g.Tolerance))
            {
                return $"The guardrail on {g.Metric} needs a tolerance of 0 or more.";
            }
        }
        return null;
    }

    private sealed record Registered(Guid? Id, ProblemHttpResult? Problem = null, ValidationProblem? Invalid = null);

    /// <summary>The registered model named, created when the account has none by that name; one that predicts something else is refused.</summary>
    private static async Task<Registered> RegisteredAsync(string? name, Guid user, string? task, string target, AutoMlDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (RegistryNames.NameProblem(name, "registered model") is { } bad)
        {
            return new(null, Invalid: ProblemResults.Validation("registeredModel", bad));
        }
        if (await db.RegisteredModels.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user && r.Name == name, ct) is { } existing)
        {
            var differences = SchemaFit.Differences(task is null ? null : existing.Task, existing.Target, null, task ?? "", target, []);
            return differences.Count > 0
                ? new(null, ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Does not fit the registered model",
                    $"This workflow's models could not become versions of {existing.Name}: {string.Join("; ", differences)}."))
                : new(existing.Id);
        }
        var created = new RegisteredModel
        {
            Id = Guid.CreateVersion7(),
            UserId = user,
            Name = name!,
            Description = "Versions trained by a workflow.",
            Task = task,
            Target = target,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.RegisteredModels.Add(created);
        return new(created.Id);
    }
}
