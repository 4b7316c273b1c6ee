using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Features;

/// <summary>How one input column becomes features; learned from the training rows only.</summary>
public sealed record FeatureColumnSpec(
    string Column,
    ColumnKind Kind,
    FeatureEncoding Encoding,
    float Fill,
    bool MissingFlag,
    IReadOnlyList<string> Levels,
    int FirstFeature,
    int FeatureCount);
