namespace AutoMl.Ml.Profiling;

public sealed record CategoryCount(string Value, long Count);
