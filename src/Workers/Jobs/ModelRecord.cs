using System.Text.Json;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Models;
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
        BundleKey = bundleKey,
        BundleBytes = bundleBytes,
        CreatedAt = now,
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
