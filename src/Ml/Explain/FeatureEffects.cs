namespace AutoMl.Ml.Explain;

/// <summary>
/// How the top features move the model's output, computed at the end of training on a sample of training rows:
/// partial dependence with ICE lines, and a SHAP summary (beeswarm). <see cref="OutputClass"/> is the class whose
/// probability the curves and SHAP values show (the positive class of a binary model, the most predicted class of a
/// multiclass one), null for regression, where they show the predicted value. <see cref="Skipped"/> lists the features
/// left out when the time cap ran out or the kind of column has no curve (text, dates), with <see cref="Note"/> saying why.
/// </summary>
public sealed record FeatureEffects(
    string? OutputClass,
    IReadOnlyList<PartialDependence> PartialDependence,
    IReadOnlyList<ShapSummary> ShapSummary,
    IReadOnlyList<string> Skipped,
    string? Note);

/// <summary>
/// The model's average output with one feature set to each grid value (the other columns as the sample rows have them),
/// and each of the first sample rows' own line (ICE: <see cref="Ice"/>[row][grid point]). Kind is numeric (grid: quantiles
/// of the feature in the sample) or categorical (grid: 0, 1, … indexing <see cref="Levels"/>, the most frequent levels).
/// </summary>
public sealed record PartialDependence(
    string Feature,
    string Kind,
    IReadOnlyList<double> Grid,
    IReadOnlyList<string>? Levels,
    IReadOnlyList<double> Average,
    IReadOnlyList<IReadOnlyList<double>> Ice);

/// <summary>A feature's SHAP value on each sampled row, with the row's value of it (a number, or the level of a category).</summary>
public sealed record ShapSummary(string Feature, IReadOnlyList<ShapPoint> Points);

public sealed record ShapPoint(double Shap, double? Value, string? Level);
