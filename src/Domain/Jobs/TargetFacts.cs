namespace AutoMl.Domain.Jobs;

/// <summary>How often one value of a column occurs (a class of a classification target).</summary>
public sealed record ValueCount(string Value, long Count);

/// <summary>
/// What the stored profile of a data set says about the column to predict: its kind (the API's column type names:
/// numeric, boolean, categorical, datetime, text, id), its counts, its range, and its most frequent values
/// (<paramref name="TopValues"/>, most frequent first; only the first few are stored, and none for numbers).
/// </summary>
public sealed record TargetFacts(
    string Name,
    string Kind,
    long Rows,
    long Missing,
    long Distinct,
    double? Min,
    double? Max,
    IReadOnlyList<ValueCount> TopValues)
{
    public long Labelled => Math.Max(0, Rows - Missing);

    public bool IsNumeric => Kind == "numeric";
}
