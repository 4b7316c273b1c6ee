using System.Text.Json;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Training;

namespace AutoMl.Workers.Jobs;

/// <summary>The model row a training result becomes: what the models pages, the SDK and the predictions read.</summary>
internal static class ModelRecord
{
    public static Model From(Job job, TrainingResult result, Guid modelId, string bundleKey, long bundleBytes, DateTimeOffset now) => new()
    {
        Id = modelId,
        UserId = job.UserId,
        JobId = job.Id,
        DatasetId = job.DatasetId,
        Task = result.Task.ToString().ToLowerInvariant(),
        Target = job.Target!,
        Metric = result.Metric.ToString().ToLowerInvariant(),
        Score = result.Score,
        MetricsJson = Json(result.Metrics),
        ClassesJson = Json(result.Classes),
        ImportanceJson = Json(result.Importance.Select(i => new ModelImportance(i.Column, i.MeanAbsShap, i.Share))),
        CurvesJson = Json(CurveSet(result.Curves)),
        LeaderboardJson = Json(result.Leaderboard.Select(l => new ModelLeaderboardEntry(
            l.Rank, l.Trial, TrialRecorder.LearnerName(l.Learner), l.Parameters, l.Score, l.Seconds, l.EnsembleWeight))),
        InputColumnsJson = Json(result.Bundle.Manifest.InputColumns.Select(c => new ModelInputColumn(c.Name, c.Kind.ToString().ToLowerInvariant()))),
        BundleKey = bundleKey,
        BundleBytes = bundleBytes,
        CreatedAt = now,
    };

    /// <summary>The engine's curves as stored: a model's validation curves and an evaluation's share the shape.</summary>
    public static ModelCurveSet CurveSet(ModelCurves curves) => new(
        Points(curves.Roc),
        Points(curves.PrecisionRecall),
        curves.Confusion is { } c ? new ModelConfusion(c.Labels, c.Counts) : null,
        Points(curves.PredictedVsActual),
        Points(curves.Residuals),
        curves.Thresholds?.Select(t => new ModelThresholdPoint(t.Threshold, t.TruePositives, t.FalsePositives, t.TrueNegatives, t.FalseNegatives)).ToList(),
        curves.Gains?.Select(g => new ModelGainPoint(g.Population, g.Gain, g.Lift)).ToList(),
        curves.Calibration?.Select(b => new ModelCalibrationBin(b.Lower, b.Upper, b.MeanPredicted, b.Observed, b.Count)).ToList(),
        curves.PerClass?.Select(c => new ModelClassMetrics(c.Label, c.Precision, c.Recall, c.F1, c.Support)).ToList());

    private static List<ModelCurvePoint>? Points(IReadOnlyList<CurvePoint>? points) =>
        points?.Select(p => new ModelCurvePoint(p.X, p.Y, p.Threshold)).ToList();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
