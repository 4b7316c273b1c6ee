namespace AutoMl.Sdk;

/// <summary>A binary model's decision threshold: rows whose positive-class probability reaches it are labelled positive in every prediction.</summary>
public sealed class ModelThreshold
{
    /// <summary>The threshold (0.5 until one is chosen).</summary>
    public double Value { get; init; }

    /// <summary>How it was chosen: default, value, max-f1, precision, recall or cost.</summary>
    public string Objective { get; init; } = string.Empty;

    /// <summary>The precision or recall asked for, with those objectives.</summary>
    public double? Target { get; init; }

    /// <summary>The costs asked for, with the cost objective.</summary>
    public ThresholdCosts? Costs { get; init; }

    /// <summary>Validation precision at the threshold; null for a model trained before threshold counts were stored.</summary>
    public double? Precision { get; init; }

    /// <summary>Validation recall at the threshold.</summary>
    public double? Recall { get; init; }

    /// <summary>Validation F1 at the threshold.</summary>
    public double? F1 { get; init; }

    /// <summary>Validation accuracy at the threshold.</summary>
    public double? Accuracy { get; init; }

    /// <summary>The validation confusion counts at the threshold.</summary>
    public ThresholdCounts? Counts { get; init; }
}

/// <summary>What a false positive and a false negative cost, in any one unit.</summary>
public sealed class ThresholdCosts
{
    /// <summary>The cost of calling a negative row positive.</summary>
    public double FalsePositive { get; init; }

    /// <summary>The cost of missing a positive row.</summary>
    public double FalseNegative { get; init; }
}

/// <summary>Validation counts when rows whose positive probability is at least <see cref="Threshold"/> are called positive.</summary>
public sealed class ThresholdCounts
{
    /// <summary>The threshold.</summary>
    public double Threshold { get; init; }

    /// <summary>Positive rows called positive.</summary>
    public long TruePositives { get; init; }

    /// <summary>Negative rows called positive.</summary>
    public long FalsePositives { get; init; }

    /// <summary>Negative rows called negative.</summary>
    public long TrueNegatives { get; init; }

    /// <summary>Positive rows called negative.</summary>
    public long FalseNegatives { get; init; }
}

/// <summary>How to choose a binary model's threshold: a value, or an objective searched over the stored validation counts.</summary>
public sealed class ThresholdChoice
{
    private ThresholdChoice()
    {
    }

    /// <summary>The value, when set by hand.</summary>
    public double? Threshold { get; private init; }

    /// <summary>max-f1, precision, recall or cost; null when set by value.</summary>
    public string? Objective { get; private init; }

    /// <summary>The precision or recall to reach.</summary>
    public double? Target { get; private init; }

    /// <summary>The costs to minimise.</summary>
    public ThresholdCosts? Costs { get; private init; }

    /// <summary>This threshold, above 0 and below 1.</summary>
    /// <param name="threshold">The positive class's probability from which a row is labelled positive.</param>
    /// <returns>The choice.</returns>
    public static ThresholdChoice Value(double threshold) => new() { Threshold = threshold };

    /// <summary>The threshold with the best validation F1.</summary>
    /// <returns>The choice.</returns>
    public static ThresholdChoice MaxF1() => new() { Objective = "max-f1" };

    /// <summary>The threshold that reaches this validation precision and keeps the most recall.</summary>
    /// <param name="target">Above 0, at most 1.</param>
    /// <returns>The choice.</returns>
    public static ThresholdChoice PrecisionAtLeast(double target) => new() { Objective = "precision", Target = target };

    /// <summary>The threshold that reaches this validation recall with the best precision.</summary>
    /// <param name="target">Above 0, at most 1.</param>
    /// <returns>The choice.</returns>
    public static ThresholdChoice RecallAtLeast(double target) => new() { Objective = "recall", Target = target };

    /// <summary>The threshold that costs the least on the validation rows.</summary>
    /// <param name="falsePositive">What calling a negative row positive costs.</param>
    /// <param name="falseNegative">What missing a positive row costs.</param>
    /// <returns>The choice.</returns>
    public static ThresholdChoice LeastCost(double falsePositive, double falseNegative) =>
        new() { Objective = "cost", Costs = new ThresholdCosts { FalsePositive = falsePositive, FalseNegative = falseNegative } };
}
