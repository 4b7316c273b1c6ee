namespace AutoMl.Ml.Metrics;

/// <summary>What the model page draws; each list is null where it does not apply to the task.</summary>
public sealed record ModelCurves(
    IReadOnlyList<CurvePoint>? Roc,
    IReadOnlyList<CurvePoint>? PrecisionRecall,
    ConfusionMatrix? Confusion,
    IReadOnlyList<CurvePoint>? PredictedVsActual,
    IReadOnlyList<CurvePoint>? Residuals);
