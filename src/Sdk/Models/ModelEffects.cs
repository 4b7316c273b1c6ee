namespace AutoMl.Sdk;

/// <summary>How a model's top features (at most 6) move its output, computed at the end of training on a sample of training rows.</summary>
public sealed class ModelEffects
{
    /// <summary>The model.</summary>
    public Guid ModelId { get; init; }

    /// <summary>The class whose probability the curves and SHAP values show; null for regression, where they show the predicted value.</summary>
    public string? OutputClass { get; init; }

    /// <summary>Partial dependence with ICE lines, most important feature first.</summary>
    public IReadOnlyList<PartialDependence> PartialDependence { get; init; } = [];

    /// <summary>SHAP values of sampled rows per feature (beeswarm data).</summary>
    public IReadOnlyList<ShapSummary> ShapSummary { get; init; } = [];

    /// <summary>Features left without a curve (text, dates, or the time cap ran out).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Why something is missing, or null.</summary>
    public string? Note { get; init; }
}

/// <summary>One feature's partial dependence: the model's average output with the feature set to each grid value.</summary>
public sealed class PartialDependence
{
    /// <summary>The input column.</summary>
    public string Feature { get; init; } = string.Empty;

    /// <summary>numeric (grid: quantiles of the feature) or categorical (grid: 0, 1, … indexing <see cref="Levels"/>).</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The feature's values (numeric) or positions in <see cref="Levels"/> (categorical).</summary>
    public IReadOnlyList<double> Grid { get; init; } = [];

    /// <summary>The levels of a categorical feature, most frequent first; null for a number.</summary>
    public IReadOnlyList<string>? Levels { get; init; }

    /// <summary>The mean output at each grid point.</summary>
    public IReadOnlyList<double> Average { get; init; } = [];

    /// <summary>Each sampled row's output at each grid point (ICE lines).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Ice { get; init; } = [];
}

/// <summary>One feature's SHAP value on each sampled row.</summary>
public sealed class ShapSummary
{
    /// <summary>The input column.</summary>
    public string Feature { get; init; } = string.Empty;

    /// <summary>The rows' SHAP values with their value of the feature.</summary>
    public IReadOnlyList<ShapPoint> Points { get; init; } = [];
}

/// <summary>A row's SHAP value for a feature and the row's value of it.</summary>
public sealed class ShapPoint
{
    /// <summary>How much the feature moved this row's output from the average.</summary>
    public double Shap { get; init; }

    /// <summary>The row's value of a numeric feature; null for a category or a missing value.</summary>
    public double? Value { get; init; }

    /// <summary>The row's level of a categorical feature; null for a number.</summary>
    public string? Level { get; init; }
}
