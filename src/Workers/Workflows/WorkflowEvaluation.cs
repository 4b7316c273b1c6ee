using System.Text.Json;
using AutoMl.Domain.Registry;
using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Evaluation;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Workflows;

/// <summary>The model holding production when a run started: its version, row and bundle.</summary>
internal sealed record Champion(int Version, Model Model, ModelBundle Bundle);

/// <summary>A workflow run's job before training: the rows held out, and the champion they will also score.</summary>
internal sealed record PreparedRun(WorkflowRun Run, Workflow Workflow, Champion? Champion, HoldoutSummary Holdout, string HoldoutPath);

/// <summary>
/// The part of a workflow run that happens inside its training job: before training, the holdout is set aside from the
/// new version (<see cref="HoldoutSplit"/>) so the candidate never trains on it; after, the candidate and the champion
/// are scored on it and the report, with the verdict of <see cref="PromotionRule"/>, is written on the run. The
/// decision itself (<see cref="WorkflowDecisions"/>) waits for the job's end, when the candidate's version exists.
/// </summary>
internal sealed class WorkflowEvaluation(AutoMlDbContext db, IBlobStore blobs, ILogger<WorkflowEvaluation> logger)
{
    public async Task<PreparedRun?> PrepareAsync(Job job, string data, string train, string work, CancellationToken ct)
    {
        if (job.WorkflowRunId is not { } runId
            || await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct) is not { } run
            || await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == run.WorkflowId, ct) is not { } workflow)
        {
            return null;
        }
        var champion = await ChampionAsync(workflow, work, ct);
        string? championData = null;
        string? championHeldOut = null;
        if (workflow.TimeColumn is null && champion is not null
            && await db.Datasets.AsNoTracking().Where(d => d.Id == champion.Model.DatasetId).Select(d => d.ProcessedKey).SingleOrDefaultAsync(ct) is { } key)
        {
            championData = Path.Combine(work, "champion-data.parquet");
            await blobs.DownloadToFileAsync(key, championData, ct);
            var heldKey = BlobKeys.ModelHoldout(champion.Model.UserId, champion.Model.Id);
            if (await blobs.SizeAsync(heldKey, ct) is > 0)
            {
                championHeldOut = Path.Combine(work, "champion-held-out.parquet");
                await blobs.DownloadToFileAsync(heldKey, championHeldOut, ct);
            }
        }
        var holdout = Path.Combine(work, "holdout.parquet");
        var classification = await ClassificationAsync(job, data, champion, ct);
        var summary = await HoldoutSplit.SplitAsync(data, train, holdout, new HoldoutPlan(job.Target!, classification, workflow.TimeColumn, championData)
        {
            // With nothing to compare with, the holdout only measures the candidate: a fifth is enough, and the rest trains it.
            MinimumRows = champion is null ? 0 : 500,
            ChampionHeldOut = championHeldOut,
        }, ct);
        logger.LogInformation("Workflow run {RunId}: {Description}", run.Id, summary.Description);
        return new PreparedRun(run, workflow, champion, summary, holdout);
    }

    /// <summary>Scores both models on the held-out rows and writes the report and verdict on the run.</summary>
    public async Task RecordAsync(PreparedRun prepared, TrainingResult result, CancellationToken ct)
    {
        var (run, workflow, champion, holdout, path) = prepared;
        var candidate = result.Bundle;
        var target = candidate.Manifest.Target;
        var schema = await ProcessedParquet.ReadSchemaAsync(path, ct);
        var needed = candidate.Manifest.InputColumns.Select(c => c.Name)
            .Concat(champion?.Bundle.Manifest.InputColumns.Select(c => c.Name) ?? [])
            .Append(target).Distinct().Where(n => schema.Find(n) is not null).ToList();
        var frame = await ProcessedParquet.LoadAsync(path, needed, ct);
        List<string> problems = [];
        var comparable = champion is not null && champion.Bundle.Task == candidate.Task;
        if (champion is not null && !comparable)
        {
            problems.Add($"The task changed from {champion.Bundle.Task.ToString().ToLowerInvariant()} to {candidate.Task.ToString().ToLowerInvariant()}.");
        }
        var models = comparable ? new[] { candidate, champion!.Bundle } : [candidate];
        var rows = HoldoutScoring.ComparableRows(frame, target, models);
        if (rows.Length < 2)
        {
            problems.Add("Fewer than two held-out rows have a target value both models know, so they could not be compared.");
        }
        var metric = result.Metric;
        var candidateRows = rows.Length > 0 ? HoldoutScoring.Score(candidate, frame, target, rows) : null;
        var candidateMetrics = candidateRows is null ? new Dictionary<string, double>() : Metrics(candidateRows);
        ScoredRows? championRows = comparable && rows.Length > 1 ? HoldoutScoring.Score(champion!.Bundle, frame, target, rows) : null;
        MetricGain? gain = null;
        List<GuardrailCheck> guardrails = [];
        if (championRows is not null && candidateRows is not null)
        {
            var paired = HoldoutScoring.Compare(metric, candidateRows, championRows);
            gain = new MetricGain(Name(metric), paired.Candidate, paired.Champion, paired.Gain, paired.Lower, paired.Upper);
            foreach (var g in JsonSerializer.Deserialize<List<Guardrail>>(workflow.GuardrailsJson, JsonSerializerOptions.Web) ?? [])
            {
                var kind = MetricInfo.Parse(g.Metric);
                if (MetricInfo.Fits(kind, candidate.Task))
                {
                    var c = candidateRows.Score(kind);
                    var h = championRows.Score(kind);
                    guardrails.Add(new GuardrailCheck(Name(kind), c, h, MetricInfo.HigherIsBetter(kind) ? h - c : c - h, g.Tolerance));
                }
            }
        }
        else if (champion is not null && problems.Count == 0)
        {
            problems.Add("The model in production could not be scored on the held-out rows.");
        }
        var candidateScore = candidateRows?.Score(metric);
        var championScore = championRows?.Score(metric);
        var verdict = PromotionRule.Judge(problems, champion is null ? null : gain, guardrails, workflow.Margin);
        var report = new
        {
            holdout = new { method = holdout.Method, rows = holdout.HoldoutRows, trainRows = holdout.TrainRows, scoredRows = rows.Length, column = holdout.Column, from = holdout.From, description = holdout.Description },
            metric = Name(metric),
            candidate = new { score = candidateScore, metrics = candidateMetrics },
            champion = champion is null ? null : new
            {
                version = champion.Version,
                modelId = champion.Model.Id,
                score = championScore,
                metrics = championRows is null ? null : Metrics(championRows),
            },
            gain = gain is null ? null : new { value = gain.Gain, lower = gain.Lower, upper = gain.Upper },
            margin = workflow.Margin,
            guardrails = guardrails.Select(g => new { metric = g.Metric, candidate = g.Candidate, champion = g.Champion, drop = g.Drop, tolerance = g.Tolerance, holds = g.Holds }),
            schemaProblems = problems,
            better = verdict.Better,
            reasons = verdict.Reasons,
        };
        var json = JsonSerializer.Serialize(report, JsonSerializerOptions.Web);
        var summary = string.Join(" ", verdict.Reasons);
        await db.WorkflowRuns.Where(r => r.Id == run.Id && r.Status == RunStatuses.Training).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ReportJson, json)
            .SetProperty(r => r.Better, verdict.Better)
            .SetProperty(r => r.Reason, summary.Length > 3000 ? summary[..3000] : summary)
            .SetProperty(r => r.Metric, Name(metric))
            .SetProperty(r => r.CandidateScore, candidateScore)
            .SetProperty(r => r.ChampionScore, championScore)
            .SetProperty(r => r.ChampionVersion, champion == null ? null : champion.Version), ct);
    }

    private static Dictionary<string, double> Metrics(ScoredRows rows) => Scoring.All(rows.Task, rows.Y, rows.P)
        .ToDictionary(m => m.Key.ToLowerInvariant(), m => m.Value);

    private static string Name(MetricKind metric) => metric.ToString().ToLowerInvariant();

    private async Task<Champion?> ChampionAsync(Workflow workflow, string work, CancellationToken ct)
    {
        var version = await db.ModelAliases.AsNoTracking()
            .Where(a => a.RegisteredModelId == workflow.RegisteredModelId && a.Alias == RegistryNames.Production).Select(a => (int?)a.Version).SingleOrDefaultAsync(ct);
        if (version is not { } v)
        {
            return null;
        }
        var model = await db.ModelVersions.AsNoTracking().Where(x => x.RegisteredModelId == workflow.RegisteredModelId && x.Version == v)
            .Join(db.Models.AsNoTracking(), x => x.ModelId, m => m.Id, (x, m) => m).SingleAsync(ct);
        var path = Path.Combine(work, "champion.bundle");
        await blobs.DownloadToFileAsync(model.BundleKey, path, ct);
        return new Champion(v, model, ModelBundle.Load(path));
    }

    /// <summary>Whether the holdout keeps every class: the task asked for, the champion's, or the one the engine would infer.</summary>
    private static async Task<bool> ClassificationAsync(Job job, string data, Champion? champion, CancellationToken ct)
    {
        if (job.Task is { } task)
        {
            return task != "regression";
        }
        if (champion is not null)
        {
            return champion.Bundle.Task != TaskKind.Regression;
        }
        var frame = await ProcessedParquet.LoadAsync(data, [job.Target!], ct);
        var column = frame[job.Target!];
        var distinct = column.Kind == ColumnKind.Numeric
            ? column.Numbers!.Where(x => !float.IsNaN(x)).Distinct().Count()
            : column.Levels.Count;
        return TaskInference.Infer(column.Kind == ColumnKind.Numeric, distinct) != TaskKind.Regression;
    }
}
