namespace AutoMl.Ml.Schema;

/// <summary>One column of the processed Parquet: its inferred kind and the counts the kind was inferred from.</summary>
public sealed record ColumnSchema(string Name, ColumnKind Kind, string SourceType, long MissingCount, long DistinctCount);
