namespace AutoMl.Runtime;

/// <summary>
/// One row's prediction: the label (classification) or value (regression), the class probabilities, and when asked
/// for, SHAP values per input column in raw-score units (log-odds for binary models) that add up with
/// <see cref="ShapExpectedValue"/>.
/// </summary>
public sealed record Prediction(
    string? Label,
    double? Value,
    IReadOnlyDictionary<string, double>? Probabilities,
    IReadOnlyDictionary<string, double>? Shap,
    double? ShapExpectedValue);
