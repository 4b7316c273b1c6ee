using System.Text.RegularExpressions;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Features;

/// <summary>
/// Totals of numeric columns named alike (total_day_charge, total_eve_charge, total_night_charge: names that differ in
/// one word), kept only when the total alone predicts the target clearly better than its best member alone. Trees
/// cut one column at a time, so a sum of several (a customer's whole bill) costs them many splits to approximate;
/// mljar's "golden features" and featuretools' aggregations add such features for the same reason. The screen is a
/// binned single-column model fitted on one half of a sample and scored on the other, like the leakage screen.
/// </summary>
public static partial class GroupTotals
{
    private const int MinMembers = 3;
    private const int MaxMembers = 12;
    private const int MaxKept = 4;
    private const int SampleRows = 20_000;
    private const int Bins = 32;
    private const double Smoothing = 10;

    /// <summary>The loss of a kept total must be below this share of its best member's loss.</summary>
    private const double KeepBelow = 0.97;

    /// <summary>The groups worth a total, best first; each group lists its member columns.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(ColumnFrame frame, IReadOnlyList<ColumnSchema> inputs, int[] rows, double[] y, TaskKind task, int classCount)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(y);
        var candidates = Candidates(inputs.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name).ToList());
        if (candidates.Count == 0 || rows.Length < 100)
        {
            return [];
        }

        // Evenly spread sample positions (into rows and y, which are aligned); alternate positions form the two halves.
        var step = Math.Max(1, rows.Length / SampleRows);
        var sample = Enumerable.Range(0, rows.Length / step).Select(i => i * step).ToArray();
        var labels = sample.Select(i => y[i]).ToArray();
        var width = task == TaskKind.Multiclass ? classCount : 1;
        var kept = new List<(double Gain, IReadOnlyList<string> Members)>();
        var memberLoss = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in candidates)
        {
            var columns = group.Select(name => frame[name].Numbers!).ToArray();
            var fills = columns.Select(c => Median(sample.Select(i => c[rows[i]]))).ToArray();
            double Member(int m, int i) => float.IsNaN(columns[m][rows[i]]) ? fills[m] : columns[m][rows[i]];
            var best = double.PositiveInfinity;
            for (var m = 0; m < group.Count; m++)
            {
                if (!memberLoss.TryGetValue(group[m], out var loss))
                {
                    var member = m;
                    loss = BinnedLoss(sample.Select(i => Member(member, i)).ToArray(), labels, task, width);
                    memberLoss[group[m]] = loss;
                }

                best = Math.Min(best, loss);
            }

            var totals = sample.Select(i => Enumerable.Range(0, group.Count).Sum(m => Member(m, i))).ToArray();
            var total = BinnedLoss(totals, labels, task, width);
            if (total < KeepBelow * best)
            {
                kept.Add((best - total, group));
            }
        }

        return kept.OrderByDescending(k => k.Gain).Take(MaxKept).Select(k => k.Members).ToList();
    }

    /// <summary>Groups of at least three columns whose names, split into words, are the same but for one word.</summary>
    internal static List<IReadOnlyList<string>> Candidates(IReadOnlyList<string> numericColumns)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in numericColumns)
        {
            var words = Words().Split(name.ToLowerInvariant()).Where(w => w.Length > 0).ToArray();
            if (words.Length < 2)
            {
                continue;
            }

            for (var position = 0; position < words.Length; position++)
            {
                var key = $"{words.Length}|{position}|{string.Join('_', words.Where((_, i) => i != position))}";
                if (!groups.TryGetValue(key, out var members))
                {
                    groups[key] = members = [];
                }

                members.Add(name);
            }
        }

        return groups.Values
            .Where(g => g.Count is >= MinMembers and <= MaxMembers)
            .Select(g => (IReadOnlyList<string>)g)
            .DistinctBy(g => string.Join('\u0001', g), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The held-out loss of a model that cuts one column into quantile bins on the even positions and predicts each bin's
    /// smoothed mean (regression: squared error) or class shares (classification: log loss) on the odd ones.
    /// </summary>
    private static double BinnedLoss(double[] x, double[] y, TaskKind task, int width)
    {
        var fit = Enumerable.Range(0, x.Length).Where(i => i % 2 == 0).ToArray();
        var score = Enumerable.Range(0, x.Length).Where(i => i % 2 == 1).ToArray();
        var sorted = fit.Select(i => x[i]).Order().ToArray();
        var edges = Enumerable.Range(1, Bins - 1).Select(b => sorted[(int)((long)b * (sorted.Length - 1) / Bins)]).Distinct().ToArray();
        int Bin(double v)
        {
            var at = Array.BinarySearch(edges, v);
            return at >= 0 ? at : ~at;
        }

        var outputs = task == TaskKind.Regression ? 1 : width == 1 ? 2 : width;
        var sums = new double[edges.Length + 1, outputs];
        var counts = new double[edges.Length + 1];
        var prior = new double[outputs];
        foreach (var i in fit)
        {
            var b = Bin(x[i]);
            counts[b]++;
            if (task == TaskKind.Regression)
            {
                sums[b, 0] += y[i];
                prior[0] += y[i];
            }
            else
            {
                sums[b, (int)y[i]]++;
                prior[(int)y[i]]++;
            }
        }

        for (var k = 0; k < outputs; k++)
        {
            prior[k] /= fit.Length;
        }

        var loss = 0.0;
        foreach (var i in score)
        {
            var b = Bin(x[i]);
            if (task == TaskKind.Regression)
            {
                var mean = (sums[b, 0] + Smoothing * prior[0]) / (counts[b] + Smoothing);
                loss += (y[i] - mean) * (y[i] - mean);
            }
            else
            {
                var p = (sums[b, (int)y[i]] + Smoothing * prior[(int)y[i]]) / (counts[b] + Smoothing);
                loss -= Math.Log(Math.Max(p, 1e-6));
            }
        }

        return loss / Math.Max(1, score.Length);
    }

    private static double Median(IEnumerable<float> values)
    {
        var sorted = values.Where(v => !float.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Words();
}
