namespace AutoMl.Ml.Metrics;

/// <summary>Counts[actual][predicted], in the order of <see cref="Labels"/>.</summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<long>> Counts);
