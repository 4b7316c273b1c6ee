using System.Text.Json.Serialization;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>
/// The outcome of a training run. Everything but <see cref="Bundle"/> serialises to JSON; save the
/// bundle with <see cref="ModelBundle.Save(Stream)"/>. Metrics and curves are measured on
/// out-of-fold (or holdout) predictions of the final model.
/// </summary>
public sealed record TrainingResult(
    [property: JsonIgnore] ModelBundle Bundle,
    TaskKind Task,
    MetricKind Metric,
    double Score,
    IReadOnlyDictionary<string, double> Metrics,
    string Validation,
    IReadOnlyList<string> Classes,
    IReadOnlyList<LeaderboardEntry> Leaderboard,
    ModelCurves Curves,
    IReadOnlyList<FeatureImportance> Importance,
    int TrialCount,
    double ElapsedSeconds,
    double Temperature);
