namespace AutoMl.Ml.Profiling;

public sealed record QuantileValue(double Probability, double Value);
