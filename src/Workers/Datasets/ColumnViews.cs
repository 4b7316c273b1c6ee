using AutoMl.Infrastructure.Datasets;
using AutoMl.Ml.Profiling;
using AutoMl.Ml.Schema;

namespace AutoMl.Workers.Datasets;

/// <summary>A profiled column as the API shows it (API.md: name, type, missing, distinct, stats), stored as jsonb with the data set.</summary>
internal static class ColumnView
{
    public static DatasetColumn From(ColumnProfile p) => new(
        p.Name, ColumnKindNames.Of(p.Kind), p.MissingCount, p.DistinctCount, Finite(p.Min), Finite(p.Max), Finite(p.Mean), Finite(p.Std),
        p.Quantiles.Select(q => new ColumnQuantile(q.Probability, q.Value)).ToList(),
        p.TopCategories.Select(c => new ColumnCategoryCount(c.Value, c.Count)).ToList(),
        p.Histogram.Select(h => new ColumnHistogramBin(h.Lower, h.Upper, h.Count)).ToList());

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
