using System.Text.Json;

namespace AutoMl.Sdk;

/// <summary>One model of a <see cref="ModelComparison"/>.</summary>
public sealed class ComparedModel
{
    /// <summary>The model as the list shows it.</summary>
    public ModelSummary Summary { get; init; } = new();

    /// <summary>All validation metrics by name.</summary>
    public JsonElement Metrics { get; init; }

    /// <summary>{roc, pr, residuals, predictedVsActual}: arrays of {x, y} points, null where the task has none.</summary>
    public JsonElement Curves { get; init; }
}
