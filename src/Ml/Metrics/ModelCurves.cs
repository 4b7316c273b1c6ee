namespace AutoMl.Ml.Metrics;

/// <summary>What the model page draws; each list is null where it does not apply to the task. The threshold tools'
/// parts (counts per threshold, gains, calibration, per-class) came later: a result made before has them null.</summary>
public sealed record ModelCurves(
    IReadOnlyList<CurvePoint>? Roc,
    IReadOnlyList<CurvePoint>? PrecisionRecall,
    ConfusionMatrix? Confusion,
    IReadOnlyList<CurvePoint>? PredictedVsActual,
    IReadOnlyList<CurvePoint>? Residuals,
    IReadOnlyList<ThresholdPoint>? Thresholds = null,
    IReadOnlyList<GainPoint>? Gains = null,
    IReadOnlyList<CalibrationBin>? Calibration = null,
    IReadOnlyList<ClassMetrics>? PerClass = null);
