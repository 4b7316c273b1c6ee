namespace AutoMl.Infrastructure.Datasets;

// A data set's column profile, named once: the ingest worker stores it as the data set's ColumnsJson and the API
// reads it back into the same records, so the OpenAPI document describes what is really stored.

/// <summary>
/// A column as the API shows it: type is numeric, boolean, categorical, datetime, text or id; the statistics are null
/// where they do not apply or are not finite.
/// </summary>
public sealed record DatasetColumn(
    string Name,
    string Type,
    long Missing,
    long Distinct,
    double? Min,
    double? Max,
    double? Mean,
    double? Std,
    IReadOnlyList<ColumnQuantile> Quantiles,
    IReadOnlyList<ColumnCategoryCount> TopCategories,
    IReadOnlyList<ColumnHistogramBin> Histogram);

public sealed record ColumnQuantile(double Probability, double Value);

public sealed record ColumnCategoryCount(string Value, long Count);

public sealed record ColumnHistogramBin(double Lower, double Upper, long Count);
