namespace AutoMl.Domain.Registry;

/// <summary>
/// How one input column was distributed in the training data, on bins fixed then: for numbers the deciles' edges plus
/// an underflow and an overflow bin (values outside the training range) and a missing bin; for categories the most
/// frequent levels plus "other" and missing. Live windows are counted on the same bins, so they can be compared.
/// </summary>
/// <param name="Edges">Numbers: the 9 inner decile edges, ascending (repeated edges collapse). Null for categories.</param>
/// <param name="Min">Numbers: the smallest training value; below it is underflow.</param>
/// <param name="Max">Numbers: the largest; above it is overflow.</param>
/// <param name="Levels">Categories: the most frequent levels (at most <see cref="FeatureBaselines.TopLevels"/>).</param>
/// <param name="AllLevelsKept">Categories: true when every training level is in <paramref name="Levels"/>, so a level outside it is unseen.</param>
/// <param name="Shares">The share of training rows in each bin (see <see cref="FeatureBaselines.BinNames"/>); they sum to 1.</param>
public sealed record FeatureBaseline(
    string Feature,
    string Kind,
    IReadOnlyList<double>? Edges,
    double? Min,
    double? Max,
    IReadOnlyList<string>? Levels,
    bool AllLevelsKept,
    IReadOnlyList<double> Shares);

public static class FeatureBaselines
{
    public const int TopLevels = 20;
    public const string Missing = "(missing)";
    public const string Other = "(other)";
    public const string Under = "(below training range)";
    public const string Over = "(above training range)";

    public static bool IsNumeric(FeatureBaseline b) => b.Edges is not null;

    /// <summary>Numbers from their training values (NaN = missing).</summary>
    public static FeatureBaseline OfNumbers(string feature, IReadOnlyList<double> values)
    {
        var present = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (present.Length == 0)
        {
            return new FeatureBaseline(feature, "numeric", [], null, null, null, false, Normalise([values.Count, 0, 0, 0]));
        }
        var edges = Enumerable.Range(1, 9).Select(i => present[(int)Math.Floor(i / 10.0 * (present.Length - 1))]).Distinct().ToList();
        var baseline = new FeatureBaseline(feature, "numeric", edges, present[0], present[^1], null, false, []);
        return baseline with { Shares = Normalise(CountNumbers(baseline, values)) };
    }

    /// <summary>Categories from their training values (null = missing).</summary>
    public static FeatureBaseline OfLevels(string feature, string kind, IReadOnlyList<string?> values)
    {
        var counts = values.Where(v => v is not null).GroupBy(v => v!, StringComparer.Ordinal).Select(g => (Level: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Level, StringComparer.Ordinal).ToList();
        var levels = counts.Take(TopLevels).Select(c => c.Level).ToList();
        var baseline = new FeatureBaseline(feature, kind, null, null, null, levels, counts.Count <= TopLevels, []);
        return baseline with { Shares = Normalise(CountLevels(baseline, values)) };
    }

    /// <summary>The bins' names, in the order of <see cref="FeatureBaseline.Shares"/>.</summary>
    public static IReadOnlyList<string> BinNames(FeatureBaseline b)
    {
        if (IsNumeric(b))
        {
            var names = new List<string> { Missing, Under };
            var bounds = new List<double> { b.Min ?? 0 };
            bounds.AddRange(b.Edges!);
            bounds.Add(b.Max ?? 0);
            for (var i = 0; i + 1 < bounds.Count; i++)
            {
                names.Add(FormattableString.Invariant($"{bounds[i]:G4} – {bounds[i + 1]:G4}"));
            }
            names.Add(Over);
            return names;
        }
        return [Missing, .. b.Levels!, Other];
    }

    /// <summary>Counts of <paramref name="values"/> on the baseline's numeric bins: missing, under, the deciles, over.</summary>
    public static double[] CountNumbers(FeatureBaseline b, IEnumerable<double> values)
    {
        var edges = b.Edges!;
        var counts = new double[edges.Count + 4];
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                counts[0]++;
            }
            else if (v < b.Min)
            {
                counts[1]++;
            }
            else if (v > b.Max)
            {
                counts[^1]++;
            }
            else
            {
                var bin = 0;
                while (bin < edges.Count && v > edges[bin])
                {
                    bin++;
                }
                counts[2 + bin]++;
            }
        }
        return counts;
    }

    /// <summary>Counts of <paramref name="values"/> on the baseline's category bins: missing, each level, other.</summary>
    public static double[] CountLevels(FeatureBaseline b, IEnumerable<string?> values)
    {
        var index = b.Levels!.Select((level, i) => (level, i)).ToDictionary(x => x.level, x => x.i, StringComparer.Ordinal);
        var counts = new double[b.Levels!.Count + 2];
        foreach (var v in values)
        {
            if (v is null)
            {
                counts[0]++;
            }
            else if (index.TryGetValue(v, out var i))
            {
                counts[1 + i]++;
            }
            else
            {
                counts[^1]++;
            }
        }
        return counts;
    }

    public static double[] Normalise(IReadOnlyList<double> counts)
    {
        var total = counts.Sum();
        return total == 0 ? counts.Select(_ => 0.0).ToArray() : counts.Select(c => c / total).ToArray();
    }
}
