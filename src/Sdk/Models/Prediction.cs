namespace AutoMl.Sdk;

/// <summary>The model's answer for one row.</summary>
public sealed class Prediction
{
    /// <summary>The predicted class of a classifier.</summary>
    public string? Label { get; init; }

    /// <summary>The predicted value of a regression.</summary>
    public double? Value { get; init; }

    /// <summary>Each class's probability, for classifiers.</summary>
    public IReadOnlyDictionary<string, double>? Probabilities { get; init; }

    /// <summary>Each feature's SHAP contribution, when explanations were asked for.</summary>
    public IReadOnlyDictionary<string, double>? Contributions { get; init; }

    /// <summary>The SHAP base value the contributions add to, when explanations were asked for.</summary>
    public double? ExpectedValue { get; init; }
}
