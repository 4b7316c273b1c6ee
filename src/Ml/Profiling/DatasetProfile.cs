using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Profiling;

public sealed record DatasetProfile(long RowCount, IReadOnlyList<ColumnProfile> Columns, string? SuggestedTarget, TaskKind? SuggestedTask);
