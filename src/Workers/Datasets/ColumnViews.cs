using AutoMl.Ml.Profiling;
using AutoMl.Ml.Schema;

namespace AutoMl.Workers.Datasets;

/// <summary>A column as the API shows it (API.md: name, type, missing, distinct, stats), stored as jsonb with the data set.</summary>
internal sealed record ColumnView(
    string Name,
    string Type,
    long Missing,
    long Distinct,
    double? Min,
    double? Max,
    double? Mean,
    double? Std,
    IReadOnlyList<QuantileValue> Quantiles,
    IReadOnlyList<CategoryCount> TopCategories,
    IReadOnlyList<HistogramBin> Histogram)
{
    public static ColumnView From(ColumnProfile p) => new(
        p.Name, TypeName(p.Kind), p.MissingCount, p.DistinctCount, Finite(p.Min), Finite(p.Max), Finite(p.Mean), Finite(p.Std),
        p.Quantiles, p.TopCategories, p.Histogram);

    public static string TypeName(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Datetime => "datetime",
        ColumnKind.Text => "text",
        ColumnKind.Identifier => "id",
    };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
