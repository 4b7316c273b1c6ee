using AutoMl.Ml.Training;

namespace AutoMl.Ml.Bundle;

/// <summary>One trial in the final ensemble: its weight and its fold models (averaged at prediction).</summary>
public sealed record BundleMember(
    int Trial,
    Learner Learner,
    double Weight,
    IReadOnlyDictionary<string, double> Parameters,
    OutputKind Output,
    int FoldCount,
    int TransformersPerFold,
    IReadOnlyList<double>? Constant);
