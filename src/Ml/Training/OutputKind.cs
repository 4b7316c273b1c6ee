namespace AutoMl.Ml.Training;

/// <summary>How a fitted ML.NET model's output columns become our n×C predictions.</summary>
public enum OutputKind
{
    Constant,
    Regression,
    BinaryProbability,

    /// <summary>A regression forest fitted on 0/1 labels: its mean leaf value is a probability, as in scikit-learn's forests.</summary>
    RegressionAsProbability,
    MulticlassScores,

    /// <summary>One 0/1 regression forest per class; the outputs are normalised to sum to one.</summary>
    OneVsRestRegression,

    /// <summary>A regression fitted on the logarithm of a positive target; its output is the exponential of its score.</summary>
    LogRegression,
}
