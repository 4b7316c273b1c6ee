namespace AutoMl.Infrastructure.Models;

// The JSON parts of a model row, named once: the training worker writes them and the API reads them back into the
// same records, so the OpenAPI document (and the dashboard's generated types) describe what is really stored.

/// <summary>A column's share of the model's decisions (mean |SHAP| as gain, normalised to share).</summary>
public sealed record ModelImportance(string Feature, double Gain, double Share);

/// <summary>One point of a validation curve; threshold is null where the curve has none.</summary>
public sealed record ModelCurvePoint(double X, double Y, double? Threshold);

/// <summary>Validation counts of actual (row) against predicted (column) class.</summary>
public sealed record ModelConfusion(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<long>> Counts);

/// <summary>A model's validation curves; each is null where the task has none, and the threshold tools' parts
/// (thresholds, gains, calibration, perClass) are null for a model trained before they were stored.</summary>
public sealed record ModelCurveSet(
    IReadOnlyList<ModelCurvePoint>? Roc,
    IReadOnlyList<ModelCurvePoint>? Pr,
    ModelConfusion? Confusion,
    IReadOnlyList<ModelCurvePoint>? PredictedVsActual,
    IReadOnlyList<ModelCurvePoint>? Residuals,
    IReadOnlyList<ModelThresholdPoint>? Thresholds = null,
    IReadOnlyList<ModelGainPoint>? Gains = null,
    IReadOnlyList<ModelCalibrationBin>? Calibration = null,
    IReadOnlyList<ModelClassMetrics>? PerClass = null);

/// <summary>Binary models: validation counts when rows whose positive probability is at least the threshold are called
/// positive (up to 200 thresholds, always 0.5). What the threshold slider and the objectives read.</summary>
public sealed record ModelThresholdPoint(double Threshold, long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives);

/// <summary>Binary models: the top share of rows by predicted probability (population) holds this share of all positives
/// (gain), lift times what a random pick would.</summary>
public sealed record ModelGainPoint(double Population, double Gain, double Lift);

/// <summary>Binary models: one bin of the reliability curve, rows predicted in [lower, upper): their mean prediction and
/// the share of them that were positive.</summary>
public sealed record ModelCalibrationBin(double Lower, double Upper, double MeanPredicted, double Observed, long Count);

/// <summary>Multiclass models: one class against the rest on the validation rows; support is its count of rows.</summary>
public sealed record ModelClassMetrics(string Label, double Precision, double Recall, double F1, long Support);

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

/// <summary>How a binary model's threshold was chosen: objective is value (set by hand), max-f1, precision, recall or
/// cost; target is the precision or recall asked for; the costs are a false positive's and a false negative's.</summary>
public sealed record ModelThresholdChoice(string Objective, double? Target = null, double? FalsePositiveCost = null, double? FalseNegativeCost = null);
