using System.Text.Json;
using AutoMl.Api.Datasets;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Schema;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

/// <summary>What a training request that passed its checks gets: the tier's plan, the price, and the task and metric to train for.</summary>
/// <param name="DatasetId">The data set trained on: the version the request named, or its datasetId.</param>
/// <param name="DatasetVersion">That data set's version number.</param>
/// <param name="ExcludedByChecks">Columns the data checks leave out that the request neither excluded nor kept.</param>
internal sealed record TrainingTerms(TierPlan Plan, PriceBreakdown Price, string? Task, string? Metric, Guid DatasetId, int DatasetVersion,
    IReadOnlyList<string> ExcludedByChecks, IReadOnlyList<DatasetCheck>? Checks);

/// <summary>
/// A training request against the tier and the data set's stored profile, for the quote and the submission alike:
/// the same request is refused the same way, and priced the same, by both.
/// </summary>
internal sealed class TrainingRequestCheck(AutoMlDbContext db, JobAdmission admission, DatasetTargetChecks targetChecks)
{
    public async Task<Outcome<TrainingTerms>> CheckAsync(Guid user, SubmitJobRequest request, CancellationToken ct)
    {
        var plan = await admission.PlanAsync(user, ct);
        if (request.BudgetSeconds > plan.MaxBudgetSeconds)
        {
            return new Refusal(400, "Budget too long", $"The {plan.Tier.ToString().ToLowerInvariant()} tier trains for at most {plan.MaxBudgetSeconds} seconds.", "budgetSeconds");
        }
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DatasetId && d.UserId == user, ct);
        if (dataset is null)
        {
            return Refusal.NotFound("No data set with this id exists in your account.");
        }
        if (request.DatasetVersion is { } version && version != dataset.Version)
        {
            var named = dataset;
            dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.LineageId == named.LineageId && d.Version == version, ct);
            if (dataset is null)
            {
                var latest = await DatasetLineage.LatestAsync(db, named.LineageId, ct);
                return Refusal.NotFound($"This data set has no version {version}: its newest version is {latest}.") with { Field = "datasetVersion" };
            }
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            return new Refusal(409, "Data set not ready", dataset.Status == DatasetStatus.Failed
                ? $"This data set could not be read, so it cannot be trained on: {dataset.Error}"
                : "This data set is still being ingested; submit the job when its status is 'ready'.");
        }
        var columns = Columns(dataset);
        if (!columns.TryGetValue(request.Target, out _))
        {
            return new Refusal(422, "Unknown target", $"The data set has no column '{request.Target}'. Its columns are: {string.Join(", ", columns.Keys.Take(30))}.", "target", "target-not-found");
        }
        var unknown = (request.ExcludedColumns ?? []).Where(c => !columns.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            return new Refusal(422, "Unknown columns", $"excludedColumns names columns the data set does not have: {string.Join(", ", unknown)}.", "excludedColumns");
        }
        if ((request.ExcludedColumns ?? []).Contains(request.Target))
        {
            return new Refusal(422, "Target excluded", "The target cannot also be an excluded column.", "excludedColumns", "target-excluded");
        }
        var unknownKept = (request.KeepColumns ?? []).Where(c => !columns.ContainsKey(c)).ToList();
        if (unknownKept.Count > 0)
        {
            return new Refusal(422, "Unknown columns", $"keepColumns names columns the data set does not have: {string.Join(", ", unknownKept)}.", "keepColumns");
        }
        var keptIds = (request.KeepColumns ?? []).Where(c => columns[c].GetProperty("type").GetString() == "id").ToList();
        if (keptIds.Count > 0)
        {
            return new Refusal(422, "Identifiers are not trained on", $"{string.Join(", ", keptIds)} {(keptIds.Count == 1 ? "is an identifier" : "are identifiers")} (a different value on almost every row), which training never uses; leave {(keptIds.Count == 1 ? "it" : "them")} out of keepColumns.", "keepColumns");
        }
        var task = request.Task?.ToLowerInvariant();
        if (task is not null && !MetricNames.ByTask.ContainsKey(task))
        {
            return new Refusal(400, "Unknown task", "task is one of binary, multiclass, regression, or left out to be inferred.", "task");
        }
        var metric = request.Metric is null ? null : MetricNames.Normalize(request.Metric);
        if (metric is not null)
        {
            var allowed = task is null ? MetricNames.ByTask.Values.SelectMany(m => m).Distinct() : MetricNames.ByTask[task];
            if (!allowed.Contains(metric))
            {
                return new Refusal(400, "Unknown metric", $"metric is one of {string.Join(", ", allowed)}{(task is null ? "" : $" for a {task} task")}.", "metric");
            }
        }
        if (DataProblem(dataset, columns[request.Target], request, task) is { } problem)
        {
            return new Refusal(422, problem.Title, problem.Detail, "target", problem.Code, problem.Overridable);
        }
        var checks = await targetChecks.ForTargetAsync(dataset, request.Target, task, ct);
        var byChecks = checks is null ? [] : DatasetCheckRun.ExcludedByDefault(checks)
            .Where(c => c != request.Target && !(request.KeepColumns ?? []).Contains(c) && !(request.ExcludedColumns ?? []).Contains(c)).ToList();
        return new TrainingTerms(plan, Pricing.Training(plan.Tier, request.BudgetSeconds, dataset.Rows ?? 0, columns.Count), task, metric, dataset.Id, dataset.Version,
            byChecks, checks);
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
