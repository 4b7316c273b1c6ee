namespace AutoMl.Sdk;

/// <summary>Two to four models side by side.</summary>
public sealed class ModelComparison
{
    /// <summary>The models, in the order they were asked for.</summary>
    public IReadOnlyList<ComparedModel> Models { get; init; } = [];

    /// <summary>One row per validation metric, with the best model marked.</summary>
    public IReadOnlyList<MetricComparison> Metrics { get; init; } = [];

    /// <summary>Why the comparison may not be fair: the models differ in task, target or data set. Empty when they are alike.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
