using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Profiling;

public sealed record ColumnProfile(
    string Name,
    ColumnKind Kind,
    long MissingCount,
    long DistinctCount,
    double? Min,
    double? Max,
    double? Mean,
    double? Std,
    IReadOnlyList<QuantileValue> Quantiles,
    IReadOnlyList<CategoryCount> TopCategories,
    IReadOnlyList<HistogramBin> Histogram);
