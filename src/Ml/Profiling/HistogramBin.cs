namespace AutoMl.Ml.Profiling;

/// <summary>Counts values in [Lower, Upper); the last bin includes its upper edge.</summary>
public sealed record HistogramBin(double Lower, double Upper, long Count);
