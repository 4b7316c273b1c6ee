namespace AutoMl.Ml.Metrics;

/// <summary>The validation counts when rows whose positive probability is at least <see cref="Threshold"/> are called positive.</summary>
public sealed record ThresholdPoint(double Threshold, long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    /// <summary>Precision, recall, F1 and accuracy at this point; a rate with nothing to divide by is 0.</summary>
    public ThresholdRates Rates()
    {
        double tp = TruePositives, fp = FalsePositives, tn = TrueNegatives, fn = FalseNegatives;
        var precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var total = tp + fp + tn + fn;
        return new ThresholdRates(precision, recall, f1, total == 0 ? 0 : (tp + tn) / total);
    }
}

public sealed record ThresholdRates(double Precision, double Recall, double F1, double Accuracy);

/// <summary>A point of the lift and cumulative-gain charts: the top <see cref="Population"/> share of rows by
/// predicted probability holds <see cref="Gain"/> of all positives, <see cref="Lift"/> times a random pick's share.</summary>
public sealed record GainPoint(double Population, double Gain, double Lift);

/// <summary>A bin of the reliability curve: rows whose predicted probability falls in [Lower, Upper), their mean
/// prediction and the share of them that really were positive.</summary>
public sealed record CalibrationBin(double Lower, double Upper, double MeanPredicted, double Observed, long Count);

/// <summary>One class of a multiclass model, one against the rest; support is how many validation rows are of it.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, long Support);
