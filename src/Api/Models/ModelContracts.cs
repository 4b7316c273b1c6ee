using System.Text.Json;
using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Models;

/// <param name="Threshold">Binary models: the decision threshold the predicted labels use (0.5 until one is chosen); null for other tasks.</param>
public sealed record ModelView(
    Guid Id,
    Guid JobId,
    Guid DatasetId,
    string Task,
    string Target,
    string Metric,
    double Score,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string>? Classes,
    IReadOnlyList<ModelImportance> FeatureImportance,
    ModelCurveSet Curves,
    IReadOnlyList<ModelLeaderboardEntry> Leaderboard,
    IReadOnlyList<ModelInputColumn> InputColumns,
    long BundleBytes,
    DateTimeOffset CreatedAt,
    IReadOnlyList<EnsembleMember> Ensemble,
    ModelExport Export,
    ModelThresholdView? Threshold);

/// <param name="Id">The model's id.</param>
/// <param name="JobId">The training job that made it.</param>
/// <param name="DatasetId">The data set it was trained on.</param>
/// <param name="Task">binary, multiclass or regression.</param>
/// <param name="Target">The column it predicts.</param>
/// <param name="Metric">The metric the search optimised (lower is better for rmse, mae and logloss).</param>
/// <param name="Score">Its validation value of that metric.</param>
/// <param name="CreatedAt">When training finished.</param>
/// <param name="DatasetName">Null when the data set was deleted (the model keeps working without it).</param>
/// <param name="BundleBytes">The size of the model bundle: what a download weighs.</param>
public sealed record ModelSummary(
    Guid Id,
    Guid JobId,
    Guid DatasetId,
    string Task,
    string Target,
    string Metric,
    double Score,
    DateTimeOffset CreatedAt,
    string? DatasetName,
    long BundleBytes);

/// <summary>One trial of the search that the final model averages.</summary>
/// <param name="Trial">The trial's number in the job's leaderboard.</param>
/// <param name="Learner">The learning algorithm of the trial (lightgbm, fasttree, fastforest, linear or constant).</param>
/// <param name="Weight">Its share of the blended prediction; the members' weights add up to 1.</param>
/// <param name="ValidationScore">The trial's own cross-validated score on the model's metric, before blending.</param>
public sealed record EnsembleMember(int Trial, string Learner, double Weight, double ValidationScore);

public sealed record PredictRequest(IReadOnlyList<Dictionary<string, JsonElement>>? Rows, bool Explain = false);

public sealed record PredictionView(
    string? Label,
    double? Value,
    IReadOnlyDictionary<string, double>? Probabilities,
    IReadOnlyDictionary<string, double>? Contributions,
    double? ExpectedValue);

/// <param name="Predictions">One per row, in order.</param>
/// <param name="CreditsCharged">What this request cost: the batch price per 1,000 rows, at least 1 credit (a replayed request shows its first charge).</param>
public sealed record PredictResponse(IReadOnlyList<PredictionView> Predictions, long CreditsCharged);
