using AutoMl.Ml.Explain;

namespace AutoMl.Api.Models;

/// <summary>
/// How the model's top features (by importance, at most 6) move its output, from a sample of training rows. outputClass
/// is the class whose probability the curves and SHAP values show (null for regression: the predicted value); skipped
/// names features left without a curve, and note says why.
/// </summary>
public sealed record ModelEffects(
    Guid ModelId,
    string? OutputClass,
    IReadOnlyList<ModelPartialDependence> PartialDependence,
    IReadOnlyList<ModelShapSummary> ShapSummary,
    IReadOnlyList<string> Skipped,
    string? Note)
{
    public static ModelEffects From(Guid modelId, FeatureEffects effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        return new(modelId, effects.OutputClass,
            [.. effects.PartialDependence.Select(p => new ModelPartialDependence(p.Feature, p.Kind, p.Grid, p.Levels, p.Average, p.Ice))],
            [.. effects.ShapSummary.Select(s => new ModelShapSummary(s.Feature, [.. s.Points.Select(x => new ModelShapPoint(x.Shap, x.Value, x.Level))]))],
            effects.Skipped, effects.Note);
    }
}

/// <summary>
/// Partial dependence of one feature: average[i] is the mean output with the feature set to grid[i]; ice[row][i] is one
/// sampled row's output there. kind is numeric (grid: quantiles of the feature) or categorical (grid: 0, 1, … indexing
/// levels, the most frequent levels).
/// </summary>
public sealed record ModelPartialDependence(
    string Feature,
    string Kind,
    IReadOnlyList<double> Grid,
    IReadOnlyList<string>? Levels,
    IReadOnlyList<double> Average,
    IReadOnlyList<IReadOnlyList<double>> Ice);

/// <summary>One feature's SHAP value on each sampled row (beeswarm data).</summary>
public sealed record ModelShapSummary(string Feature, IReadOnlyList<ModelShapPoint> Points);

/// <summary>A row's SHAP value for the feature, with the row's value of it: value for a number, level for a category.</summary>
public sealed record ModelShapPoint(double Shap, double? Value, string? Level);
