namespace AutoMl.Ml.Bundle;

/// <summary>
/// One row's prediction: the label (classification) or value (regression), class probabilities, and on
/// request SHAP values per input column in raw-score units (log-odds for binary, the predicted class's
/// raw score for multiclass, the value for regression) that add up with <see cref="ShapExpectedValue"/>.
/// </summary>
public sealed record RowPrediction(
    string? Label,
    double? Value,
    IReadOnlyDictionary<string, double>? Probabilities,
    IReadOnlyDictionary<string, double>? Shap = null,
    double? ShapExpectedValue = null);
