using System.Globalization;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Profiling;

/// <summary>
/// How well each column alone predicts the target, on a sample, with the quickest models there are: the target's mean
/// (or majority class) per bin of the column, and for a number against a number also a fitted straight line (quantile bins for numbers and dates, levels for categories), fitted on one
/// half of the rows and scored on the other, both ways. Computed in DuckDB as per-bin counts and sums; the scores
/// (AUC, R², accuracy above the majority's) come from those aggregates exactly.
/// </summary>
public static class LeakageScreen
{
    private const int MaxColumns = 500;

    /// <summary>Each usable column's out-of-fold single-column score: AUC for binary, R² for regression, and for multiclass the share of the majority class's errors the column corrects.</summary>
    public static IReadOnlyDictionary<string, double> Score(string sampleParquet, IReadOnlyList<ColumnProfile> columns, string target, TaskKind task, CancellationToken ct = default)
    {
        using var session = new DuckDbSession(IngestOptions.Default with { Threads = 1 }, [sampleParquet]);
        var t = DuckDbSession.Identifier(target);
        session.Execute($"""
            CREATE TEMP TABLE s AS SELECT *, (row_number() OVER ()) % 2 AS __fold
            FROM read_parquet({DuckDbSession.Quote(sampleParquet)}) WHERE {t} IS NOT NULL
            """);
        var y = task switch
        {
            TaskKind.Regression => $"CAST({t} AS DOUBLE)",
            TaskKind.Binary => $"CASE WHEN CAST({t} AS VARCHAR) = (SELECT min(CAST({t} AS VARCHAR)) FROM s) THEN 1.0 ELSE 0.0 END",
            _ => $"CAST({t} AS VARCHAR)",
        };
        var bins = Math.Clamp(Convert.ToInt64(session.Scalar("SELECT count(*) FROM s"), CultureInfo.InvariantCulture) / 20, 2, 100);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => c.Name != target && c.DistinctCount > 1).Take(MaxColumns))
        {
            ct.ThrowIfCancellationRequested();
            if (Bin(column, bins) is not { } bin)
            {
                continue;
            }
            // The bin is a window over the sample, so it is computed before the grouping.
            var binned = $"(SELECT {bin} AS bin, __fold, {y} AS y FROM s)";
            scores[column.Name] = task == TaskKind.Multiclass
                ? Accuracy(session.Rows($"SELECT bin, __fold, y, count(*) FROM {binned} GROUP BY bin, __fold, y"))
                : FromMoments(session.Rows($"SELECT bin, __fold, count(*), sum(y), sum(y * y) FROM {binned} GROUP BY bin, __fold"), task);
            if (task == TaskKind.Regression && column.Kind == ColumnKind.Numeric)
            {
                // A straight-line copy loses a little to the bins' width; one fitted slope does not overfit a sample this size.
                var linear = session.Scalar($"SELECT regr_r2({y}, {DuckDbSession.Identifier(column.Name)}) FROM s WHERE NOT isnan({DuckDbSession.Identifier(column.Name)})");
                scores[column.Name] = Math.Max(scores[column.Name], linear is null ? 0 : Convert.ToDouble(linear, CultureInfo.InvariantCulture));
            }
        }
        return scores;
    }

    /// <summary>The column's bin as text: a quantile bin for numbers and dates, the level itself for categories; missing is a bin of its own.</summary>
    private static string? Bin(ColumnProfile column, long bins)
    {
        var id = DuckDbSession.Identifier(column.Name);
        return column.Kind switch
        {
            ColumnKind.Numeric => $"CASE WHEN {id} IS NULL OR isnan({id}) THEN 'missing' ELSE CAST(floor(percent_rank() OVER (ORDER BY {id}) * {bins}) AS VARCHAR) END",
            ColumnKind.Datetime => $"CASE WHEN {id} IS NULL THEN 'missing' ELSE CAST(floor(percent_rank() OVER (ORDER BY {id}) * {bins}) AS VARCHAR) END",
            ColumnKind.Boolean or ColumnKind.Categorical => $"coalesce(CAST({id} AS VARCHAR), 'missing')",
            // Identifiers and free text are reported by other checks and never used as they are.
            _ => null,
        };
    }

    /// <summary>Binary (AUC) and regression (R²) from per-bin counts, sums and sums of squares of each half.</summary>
    private static double FromMoments(List<object?[]> rows, TaskKind task)
    {
        var cells = rows.Select(r => (Bin: (string)r[0]!, Fold: Convert.ToInt32(r[1], CultureInfo.InvariantCulture), N: Convert.ToDouble(r[2], CultureInfo.InvariantCulture),
            S1: Convert.ToDouble(r[3], CultureInfo.InvariantCulture), S2: Convert.ToDouble(r[4], CultureInfo.InvariantCulture))).ToList();
        // Each half's cells scored by the other half's bin means (its overall mean for a bin it never saw).
        var scored = new List<(double Prediction, double N, double S1, double S2)>();
        foreach (var fold in new[] { 0, 1 })
        {
            var train = cells.Where(c => c.Fold != fold).ToList();
            var mean = train.Sum(c => c.S1) / Math.Max(1, train.Sum(c => c.N));
            var byBin = train.ToDictionary(c => c.Bin, c => c.S1 / c.N, StringComparer.Ordinal);
            scored.AddRange(cells.Where(c => c.Fold == fold).Select(c => (byBin.GetValueOrDefault(c.Bin, mean), c.N, c.S1, c.S2)));
        }
        if (task == TaskKind.Regression)
        {
            var n = scored.Sum(c => c.N);
            var average = scored.Sum(c => c.S1) / n;
            var total = scored.Sum(c => c.S2) - n * average * average;
            var error = scored.Sum(c => c.S2 - 2 * c.Prediction * c.S1 + c.N * c.Prediction * c.Prediction);
            return total <= 0 ? 0 : 1 - error / total;
        }
        // AUC over groups of equal predictions: a positive beats every negative scored lower and half of those tied.
        double positives = 0, negatives = 0, wins = 0;
        foreach (var group in scored.GroupBy(c => c.Prediction).OrderBy(g => g.Key))
        {
            var p = group.Sum(c => c.S1);
            var q = group.Sum(c => c.N) - p;
            wins += p * negatives + 0.5 * p * q;
            positives += p;
            negatives += q;
        }
        return positives == 0 || negatives == 0 ? 0.5 : wins / (positives * negatives);
    }

    /// <summary>Multiclass: the out-of-fold accuracy of each bin's majority class, as the share of the overall majority's errors it removes.</summary>
    private static double Accuracy(List<object?[]> rows)
    {
        var cells = rows.Select(r => (Bin: (string)r[0]!, Fold: Convert.ToInt32(r[1], CultureInfo.InvariantCulture), Class: (string)r[2]!, Count: Convert.ToDouble(r[3], CultureInfo.InvariantCulture))).ToList();
        double correct = 0, baseline = 0, n = 0;
        foreach (var fold in new[] { 0, 1 })
        {
            var train = cells.Where(c => c.Fold != fold).ToList();
            var majority = train.GroupBy(c => c.Class).OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var byBin = train.GroupBy(c => c.Bin).ToDictionary(
                g => g.Key, g => g.GroupBy(c => c.Class).OrderByDescending(k => k.Sum(c => c.Count)).ThenBy(k => k.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
            foreach (var c in cells.Where(c => c.Fold == fold))
            {
                n += c.Count;
                correct += c.Class == byBin.GetValueOrDefault(c.Bin, majority) ? c.Count : 0;
                baseline += c.Class == majority ? c.Count : 0;
            }
        }
        return n == baseline ? 0 : Math.Max(0, (correct - baseline) / (n - baseline));
    }
}
