namespace AutoMl.Sdk;

/// <summary>A model's validation curves, typed; each list is null where the task has none (or the model was trained before it was stored).</summary>
public sealed class ModelCurves
{
    /// <summary>Binary: the ROC curve (x false positive rate, y true positive rate).</summary>
    public IReadOnlyList<CurvePoint>? Roc { get; init; }

    /// <summary>Binary: the precision-recall curve (x recall, y precision).</summary>
    public IReadOnlyList<CurvePoint>? Pr { get; init; }

    /// <summary>Classifiers: validation counts of actual (row) against predicted (column) class.</summary>
    public ConfusionCounts? Confusion { get; init; }

    /// <summary>Regression: predicted (y) against actual (x).</summary>
    public IReadOnlyList<CurvePoint>? PredictedVsActual { get; init; }

    /// <summary>Regression: residual (y) against predicted (x).</summary>
    public IReadOnlyList<CurvePoint>? Residuals { get; init; }

    /// <summary>Binary: validation counts at up to 200 thresholds (always 0.5), lowest first.</summary>
    public IReadOnlyList<ThresholdCounts>? Thresholds { get; init; }

    /// <summary>Binary: cumulative gain and lift at every 5% of the rows ranked by probability.</summary>
    public IReadOnlyList<GainPoint>? Gains { get; init; }

    /// <summary>Binary: the reliability curve in ten bins of predicted probability (empty bins left out).</summary>
    public IReadOnlyList<CalibrationBin>? Calibration { get; init; }

    /// <summary>Multiclass: precision, recall, F1 and support per class.</summary>
    public IReadOnlyList<ClassMetrics>? PerClass { get; init; }
}

/// <summary>A point of a curve; threshold is null where the curve has none.</summary>
public sealed class CurvePoint
{
    /// <summary>The x value.</summary>
    public double X { get; init; }

    /// <summary>The y value.</summary>
    public double Y { get; init; }

    /// <summary>The threshold the point is at, on ROC and precision-recall curves.</summary>
    public double? Threshold { get; init; }
}

/// <summary>Counts of actual (row) against predicted (column) class, in the order of the labels.</summary>
public sealed class ConfusionCounts
{
    /// <summary>The classes.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Counts[actual][predicted].</summary>
    public IReadOnlyList<IReadOnlyList<long>> Counts { get; init; } = [];
}

/// <summary>The top <see cref="Population"/> share of rows by probability holds <see cref="Gain"/> of the positives, <see cref="Lift"/> times a random pick.</summary>
public sealed class GainPoint
{
    /// <summary>The share of rows taken, most probable first.</summary>
    public double Population { get; init; }

    /// <summary>The share of all positives among them.</summary>
    public double Gain { get; init; }

    /// <summary>Gain over population.</summary>
    public double Lift { get; init; }
}

/// <summary>A bin of the reliability curve: rows predicted in [Lower, Upper).</summary>
public sealed class CalibrationBin
{
    /// <summary>The bin's lowest probability.</summary>
    public double Lower { get; init; }

    /// <summary>The bin's upper bound (not included, but for the last bin).</summary>
    public double Upper { get; init; }

    /// <summary>The rows' mean predicted probability.</summary>
    public double MeanPredicted { get; init; }

    /// <summary>The share of the rows that were positive.</summary>
    public double Observed { get; init; }

    /// <summary>How many validation rows fell in the bin.</summary>
    public long Count { get; init; }
}

/// <summary>One class of a multiclass model against the rest.</summary>
public sealed class ClassMetrics
{
    /// <summary>The class.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>Validation precision.</summary>
    public double Precision { get; init; }

    /// <summary>Validation recall.</summary>
    public double Recall { get; init; }

    /// <summary>Validation F1.</summary>
    public double F1 { get; init; }

    /// <summary>How many validation rows are of the class.</summary>
    public long Support { get; init; }
}
