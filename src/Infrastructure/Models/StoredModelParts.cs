namespace AutoMl.Infrastructure.Models;

// The JSON parts of a model row, named once: the training worker writes them and the API reads them back into the
// same records, so the OpenAPI document (and the dashboard's generated types) describe what is really stored.

/// <summary>A column's share of the model's decisions (mean |SHAP| as gain, normalised to share).</summary>
public sealed record ModelImportance(string Feature, double Gain, double Share);

/// <summary>One point of a validation curve; threshold is null where the curve has none.</summary>
public sealed record ModelCurvePoint(double X, double Y, double? Threshold);

/// <summary>Validation counts of actual (row) against predicted (column) class.</summary>
public sealed record ModelConfusion(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<long>> Counts);

/// <summary>A model's validation curves; each is null where the task has none.</summary>
public sealed record ModelCurveSet(
    IReadOnlyList<ModelCurvePoint>? Roc,
    IReadOnlyList<ModelCurvePoint>? Pr,
    ModelConfusion? Confusion,
    IReadOnlyList<ModelCurvePoint>? PredictedVsActual,
    IReadOnlyList<ModelCurvePoint>? Residuals);

/// <summary>One trial of the search, ranked, with its share of the final ensemble.</summary>
public sealed record ModelLeaderboardEntry(
    int Rank,
    int Trial,
    string Learner,
    IReadOnlyDictionary<string, double> Params,
    double Score,
    double Seconds,
    double EnsembleWeight);

/// <summary>A column the model reads, with the kind of value it expects.</summary>
public sealed record ModelInputColumn(string Name, string Kind);
