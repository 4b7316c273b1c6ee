namespace AutoMl.Ml.Metrics;

/// <summary>A point of a curve: ROC (x = false positive rate, y = true positive rate), precision-recall
/// (x = recall, y = precision), predicted-vs-actual (x = actual, y = predicted) or residuals (x = predicted, y = actual − predicted).</summary>
public sealed record CurvePoint(double X, double Y, double? Threshold = null);
