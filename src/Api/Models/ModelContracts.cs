using System.Text.Json;

namespace AutoMl.Api.Models;

public sealed record ModelView(
    Guid Id,
    Guid JobId,
    Guid DatasetId,
    string Task,
    string Target,
    string Metric,
    double Score,
    JsonElement Metrics,
    JsonElement Classes,
    JsonElement FeatureImportance,
    JsonElement Curves,
    JsonElement Leaderboard,
    JsonElement InputColumns,
    long BundleBytes,
    DateTimeOffset CreatedAt);

public sealed record ModelSummary(Guid Id, Guid JobId, Guid DatasetId, string Task, string Target, string Metric, double Score, DateTimeOffset CreatedAt);

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
