namespace AutoMl.Sdk;

/// <summary>How much one input feature counts in a model's predictions.</summary>
public sealed class FeatureImportance
{
    /// <summary>The feature (an input column, or one derived from it).</summary>
    public string Feature { get; init; } = string.Empty;

    /// <summary>Its total split gain over the model's trees (or the linear model's weight size).</summary>
    public double Gain { get; init; }

    /// <summary>Its share of all features' gain, from 0 to 1.</summary>
    public double Share { get; init; }
}
