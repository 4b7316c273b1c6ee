using Microsoft.ML.Data;

namespace AutoMl.Ml.Bundle;

/// <summary>The input row of a PredictionEngine; the vector size is set at run time by a schema definition.</summary>
public sealed class FeatureInput
{
    [ColumnName("Features")]
    public float[] Features { get; set; } = [];

    [ColumnName("Text")]
    public string Text { get; set; } = string.Empty;
}

public sealed class ScoreOutput
{
    [ColumnName("Score")]
    public float Score { get; set; }
}

public sealed class ProbabilityOutput
{
    [ColumnName("Probability")]
    public float Probability { get; set; }
}

public sealed class VectorScoreOutput
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
