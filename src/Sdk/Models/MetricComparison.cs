namespace AutoMl.Sdk;

/// <summary>One metric across the models of a <see cref="ModelComparison"/>.</summary>
public sealed class MetricComparison
{
    /// <summary>The metric's name, as in each model's metrics.</summary>
    public string Metric { get; init; } = string.Empty;

    /// <summary>False for a loss (rmse, mae, logLoss).</summary>
    public bool HigherIsBetter { get; init; }

    /// <summary>One per model, in the comparison's order; null where a model lacks the metric.</summary>
    public IReadOnlyList<double?> Values { get; init; } = [];

    /// <summary>The index of the best model (the first of a tie); null when none has the metric.</summary>
    public int? Best { get; init; }
}
