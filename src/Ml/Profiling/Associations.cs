using System.Globalization;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Profiling;

/// <summary>
/// Pairwise associations among the most complete columns of the checks' sample, each pair on the rows where both have a
/// value: Pearson and Spearman for two numbers, Cramér's V (bias-corrected, Bergsma 2013, so independent columns read
/// near 0 on a small sample) for two categories, the correlation ratio for a number and a category. DuckDB computes the
/// correlations and the contingency and group tables; the ratios come from those aggregates.
/// </summary>
public static class Associations
{
    public const int MaxColumns = 20;

    /// <summary>A category with more levels than this is compared with nothing: its table would be mostly empty cells.</summary>
    public const int MaxLevels = 100;

    private const int MinRows = 3;

    public static AssociationTable Compute(string sampleParquet, IReadOnlyList<ColumnProfile> columns, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var chosen = Choose(columns);
        var pairs = new List<Association>();
        if (chosen.Count < 2)
        {
            return new AssociationTable([.. chosen.Select(c => c.Name)], pairs);
        }
        using var session = new DuckDbSession(IngestOptions.Default with { Threads = 1 }, [sampleParquet]);
        session.Execute($"CREATE TEMP TABLE s AS SELECT {string.Join(", ", chosen.Select(c => Value(c)))} FROM read_parquet({DuckDbSession.Quote(sampleParquet)})");
        for (var i = 0; i < chosen.Count; i++)
        {
            for (var j = i + 1; j < chosen.Count; j++)
            {
                ct.ThrowIfCancellationRequested();
                pairs.AddRange(Pair(session, chosen[i], chosen[j]));
            }
        }
        return new AssociationTable([.. chosen.Select(c => c.Name)], pairs);
    }

    /// <summary>Numbers and categories that vary, the most complete first, kept in the data set's own order.</summary>
    private static List<ColumnProfile> Choose(IReadOnlyList<ColumnProfile> columns) =>
        [.. columns
            .Select((c, i) => (Column: c, Index: i))
            .Where(c => c.Column.DistinctCount > 1 && (IsNumber(c.Column) || (IsCategory(c.Column) && c.Column.DistinctCount <= MaxLevels)))
            .OrderBy(c => c.Column.MissingCount).ThenBy(c => c.Index)
            .Take(MaxColumns)
            .OrderBy(c => c.Index)
            .Select(c => c.Column)];

    private static bool IsNumber(ColumnProfile column) => column.Kind == ColumnKind.Numeric;

    private static bool IsCategory(ColumnProfile column) => column.Kind is ColumnKind.Categorical or ColumnKind.Boolean;

    /// <summary>Numbers as doubles with NaN as missing, categories as text.</summary>
    private static string Value(ColumnProfile column)
    {
        var id = DuckDbSession.Identifier(column.Name);
        return IsNumber(column)
            ? $"CASE WHEN isnan(CAST({id} AS DOUBLE)) THEN NULL ELSE CAST({id} AS DOUBLE) END AS {id}"
            : $"CAST({id} AS VARCHAR) AS {id}";
    }

    private static IEnumerable<Association> Pair(DuckDbSession session, ColumnProfile a, ColumnProfile b)
    {
        var (x, y) = (DuckDbSession.Identifier(a.Name), DuckDbSession.Identifier(b.Name));
        var both = $"(SELECT {x} AS x, {y} AS y FROM s WHERE {x} IS NOT NULL AND {y} IS NOT NULL)";
        if (IsNumber(a) && IsNumber(b))
        {
            var pearson = Number(session.Scalar($"SELECT CASE WHEN count(*) >= {MinRows} THEN corr(x, y) END FROM {both}"));
            if (pearson is { } r)
            {
                yield return new Association(a.Name, b.Name, AssociationMeasures.Pearson, r);
            }
            // Average ranks for ties: the first rank of the tie plus half the rest of it.
            var spearman = Number(session.Scalar($"""
                SELECT CASE WHEN count(*) >= {MinRows} THEN corr(rx, ry) END FROM (
                  SELECT rank() OVER (ORDER BY x) + (count(*) OVER (PARTITION BY x) - 1) / 2.0 AS rx,
                         rank() OVER (ORDER BY y) + (count(*) OVER (PARTITION BY y) - 1) / 2.0 AS ry
                  FROM {both})
                """));
            if (spearman is { } rho)
            {
                yield return new Association(a.Name, b.Name, AssociationMeasures.Spearman, rho);
            }
        }
        else if (IsCategory(a) && IsCategory(b))
        {
            var cells = session.Rows($"SELECT x, y, count(*) FROM {both} GROUP BY x, y")
                .Select(r => ((string)r[0]!, (string)r[1]!, Convert.ToDouble(r[2], CultureInfo.InvariantCulture))).ToList();
            if (CramersV(cells) is { } v)
            {
                yield return new Association(a.Name, b.Name, AssociationMeasures.CramersV, v);
            }
        }
        else
        {
            var (number, category) = IsNumber(a) ? ("x", "y") : ("y", "x");
            var groups = session.Rows($"SELECT count(*), sum({number}), sum({number} * {number}) FROM {both} GROUP BY {category}")
                .Select(r => (N: Convert.ToDouble(r[0], CultureInfo.InvariantCulture), S1: Convert.ToDouble(r[1], CultureInfo.InvariantCulture), S2: Convert.ToDouble(r[2], CultureInfo.InvariantCulture)))
                .ToList();
            if (CorrelationRatio(groups) is { } eta)
            {
                yield return IsNumber(a)
                    ? new Association(a.Name, b.Name, AssociationMeasures.CorrelationRatio, eta)
                    : new Association(b.Name, a.Name, AssociationMeasures.CorrelationRatio, eta);
            }
        }
    }

    private static double? Number(object? value) =>
        value is null or DBNull ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture) is var d && double.IsFinite(d) ? Math.Clamp(d, -1, 1) : null;

    /// <summary>Bias-corrected Cramér's V of a contingency table given as (row level, column level, count) cells.</summary>
    internal static double? CramersV(IReadOnlyList<(string Row, string Column, double Count)> cells)
    {
        var n = cells.Sum(c => c.Count);
        var rows = cells.GroupBy(c => c.Row, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
        var columns = cells.GroupBy(c => c.Column, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
        if (n < MinRows || rows.Count < 2 || columns.Count < 2)
        {
            return null;
        }
        // Chi-squared over every cell, the empty ones included: Σ observed²/expected − n.
        var chi2 = cells.Sum(c => c.Count * c.Count / (rows[c.Row] * columns[c.Column] / n)) - n;
        var (r, k) = ((double)rows.Count, (double)columns.Count);
        var phi2 = Math.Max(0, chi2 / n - (k - 1) * (r - 1) / (n - 1));
        var rCorrected = r - (r - 1) * (r - 1) / (n - 1);
        var kCorrected = k - (k - 1) * (k - 1) / (n - 1);
        var denominator = Math.Min(kCorrected - 1, rCorrected - 1);
        return denominator <= 0 ? null : Math.Clamp(Math.Sqrt(phi2 / denominator), 0, 1);
    }

    /// <summary>η = √(between-group sum of squares / total sum of squares) from each group's count, sum and sum of squares.</summary>
    internal static double? CorrelationRatio(IReadOnlyList<(double N, double S1, double S2)> groups)
    {
        var n = groups.Sum(g => g.N);
        if (n < MinRows || groups.Count < 2)
        {
            return null;
        }
        var mean = groups.Sum(g => g.S1) / n;
        var total = groups.Sum(g => g.S2) - n * mean * mean;
        var between = groups.Sum(g => g.S1 * g.S1 / g.N) - n * mean * mean;
        return total <= 1e-12 * Math.Max(1, groups.Sum(g => g.S2)) ? null : Math.Clamp(Math.Sqrt(Math.Max(0, between / total)), 0, 1);
    }
}
