using AutoMl.Ml.Columns;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Features;

/// <summary>
/// Learns, from training rows only, how input columns become a float feature vector, and applies it
/// the same way to the column store (training, batch prediction) and to single rows (online prediction).
/// </summary>
public sealed class Featurizer
{
    public const int OneHotMaxLevels = 12;
    private const int MaxRankLevels = 4096;
    private const int DatePartCount = 6;
    private const int MedianSample = 100_000;
    private static readonly string[] DatePartNames = ["year", "month", "day", "weekday", "hour", "days"];
    private readonly Dictionary<FeatureColumnSpec, Dictionary<string, int>> _levelIndexes = new(ReferenceEqualityComparer.Instance);

    public Featurizer(FeaturizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
    }

    public FeaturizerSpec Spec { get; }

    public int FeatureCount => Spec.FeatureNames.Count;

    /// <param name="groupTotals">Groups of numeric input columns whose total is added as a feature of its own (<see cref="GroupTotals"/>).</param>
    public static Featurizer Fit(ColumnFrame frame, IReadOnlyList<ColumnSchema> inputs, int[] trainingRows, IReadOnlyList<IReadOnlyList<string>>? groupTotals = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(trainingRows);
        var specs = new List<FeatureColumnSpec>();
        var names = new List<string>();
        var hasText = false;
        foreach (var input in inputs)
        {
            var column = frame[input.Name];
            var first = names.Count;
            switch (input.Kind)
            {
                case ColumnKind.Numeric:
                    {
                        var numbers = column.Numbers!;
                        var missing = trainingRows.Any(r => float.IsNaN(numbers[r]));
                        var values = Sample(trainingRows).Select(r => numbers[r]).Where(v => !float.IsNaN(v)).ToArray();
                        names.Add(input.Name);
                        if (missing)
                        {
                            names.Add(input.Name + " is missing");
                        }

                        specs.Add(new(input.Name, input.Kind, FeatureEncoding.Number, Median(values), missing, [], first, names.Count - first));
                        break;
                    }

                case ColumnKind.Boolean:
                case ColumnKind.Categorical:
                    {
                        var counts = new int[column.Levels.Count];
                        foreach (var r in trainingRows)
                        {
                            if (column.Codes![r] >= 0)
                            {
                                counts[column.Codes[r]]++;
                            }
                        }

                        var levels = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0)
                            .OrderByDescending(i => counts[i]).ThenBy(i => column.Levels[i], StringComparer.Ordinal)
                            .Select(i => column.Levels[i]).Take(MaxRankLevels).ToList();
                        if (levels.Count <= OneHotMaxLevels)
                        {
                            names.AddRange(levels.Select(l => $"{input.Name}={l}"));
                            specs.Add(new(input.Name, input.Kind, FeatureEncoding.OneHot, 0, false, levels, first, levels.Count));
                        }
                        else
                        {
                            names.Add(input.Name);
                            specs.Add(new(input.Name, input.Kind, FeatureEncoding.FrequencyRank, -1, false, levels, first, 1));
                        }

                        break;
                    }

                case ColumnKind.Datetime:
                    {
                        var times = column.Seconds!;
                        var seconds = Sample(trainingRows).Select(r => times[r]).Where(v => !double.IsNaN(v)).Select(v => (float)(v / 86400)).ToArray();
                        names.AddRange(DatePartNames.Select(p => $"{input.Name}.{p}"));
                        var missing = trainingRows.Any(r => double.IsNaN(times[r]));
                        if (missing)
                        {
                            names.Add(input.Name + " is missing");
                        }

                        specs.Add(new(input.Name, input.Kind, FeatureEncoding.DateParts, Median(seconds), missing, [], first, names.Count - first));
                        break;
                    }

                case ColumnKind.Text:
                    hasText = true;
                    specs.Add(new(input.Name, input.Kind, FeatureEncoding.Text, 0, false, [], first, 0));
                    break;
                case ColumnKind.Identifier:
                    break;
            }
        }

        foreach (var members in groupTotals ?? [])
        {
            var column = string.Join(" + ", members);
            specs.Add(new(column, ColumnKind.Numeric, FeatureEncoding.GroupTotal, 0, false, [.. members], names.Count, 1));
            names.Add(column);
        }

        return new Featurizer(new FeaturizerSpec(specs, names, hasText));
    }

    /// <summary>Featurises every row of the frame (columns the spec needs must be present; kinds may differ).</summary>
    public FeatureMatrix Transform(ColumnFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var n = frame.RowCount;
        var columns = new float[FeatureCount][];
        for (var j = 0; j < columns.Length; j++)
        {
            columns[j] = new float[n];
        }

        string?[]? text = Spec.HasText ? new string?[n] : null;
        foreach (var spec in Spec.Columns)
        {
            var column = frame.Contains(spec.Column) ? frame[spec.Column] : null;
            if (spec.Encoding == FeatureEncoding.Number && column is { Kind: ColumnKind.Numeric })
            {
                // The hot path for wide numeric data: no boxing per cell.
                var source = column.Numbers!;
                var target = columns[spec.FirstFeature];
                var flag = spec.MissingFlag ? columns[spec.FirstFeature + 1] : null;
                for (var i = 0; i < n; i++)
                {
                    var v = source[i];
                    var missing = float.IsNaN(v);
                    target[i] = missing ? spec.Fill : v;
                    if (flag is not null)
                    {
                        flag[i] = missing ? 1 : 0;
                    }
                }

                continue;
            }

            if (spec.Encoding == FeatureEncoding.GroupTotal)
            {
                var target = columns[spec.FirstFeature];
                foreach (var member in spec.Levels)
                {
                    var fill = MemberFill(member);
                    if (!frame.Contains(member))
                    {
                        for (var i = 0; i < n; i++)
                        {
                            target[i] += fill;
                        }

                        continue;
                    }

                    var source = frame[member];
                    for (var i = 0; i < n; i++)
                    {
                        var v = source.Kind == ColumnKind.Numeric ? source.Numbers![i] : CellValues.ToNumber(source.ValueAt(i));
                        target[i] += float.IsNaN(v) ? fill : v;
                    }
                }

                continue;
            }

            var levelIndex = LevelIndex(spec);
            var buffer = new float[Math.Max(1, spec.FeatureCount)];
            for (var i = 0; i < n; i++)
            {
                var value = column?.ValueAt(i);
                if (spec.Encoding == FeatureEncoding.Text)
                {
                    text![i] = Join(text[i], CellValues.ToLabel(value));
                    continue;
                }

                Array.Clear(buffer);
                Encode(spec, levelIndex, value, buffer);
                for (var k = 0; k < spec.FeatureCount; k++)
                {
                    columns[spec.FirstFeature + k][i] = buffer[k];
                }
            }
        }

        return new FeatureMatrix(columns, n, text);
    }

    /// <summary>Featurises one row given as column name → value; absent columns count as missing.</summary>
    public void TransformRow(IReadOnlyDictionary<string, object?> row, Span<float> features, out string? text)
    {
        ArgumentNullException.ThrowIfNull(row);
        features.Clear();
        text = null;
        foreach (var spec in Spec.Columns)
        {
            row.TryGetValue(spec.Column, out var value);
            if (spec.Encoding == FeatureEncoding.Text)
            {
                text = Join(text, CellValues.ToLabel(value));
                continue;
            }

            if (spec.Encoding == FeatureEncoding.GroupTotal)
            {
                var total = 0f;
                foreach (var member in spec.Levels)
                {
                    row.TryGetValue(member, out var cell);
                    var v = CellValues.ToNumber(cell);
                    total += float.IsNaN(v) ? MemberFill(member) : v;
                }

                features[spec.FirstFeature] = total;
                continue;
            }

            Encode(spec, LevelIndex(spec), value, features.Slice(spec.FirstFeature, spec.FeatureCount));
        }
    }

    /// <summary>
    /// How each feature's SHAP value folds onto input columns: a group total's is shared equally among its members, so
    /// the columns' values still add up to the prediction; every other feature belongs whole to its column.
    /// </summary>
    public (string[] Columns, (int Column, double Share)[][] Parts) ShapFolding()
    {
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int IndexOf(string column)
        {
            if (!index.TryGetValue(column, out var at))
            {
                index[column] = at = columns.Count;
                columns.Add(column);
            }

            return at;
        }

        var parts = new (int, double)[FeatureCount][];
        foreach (var spec in Spec.Columns)
        {
            for (var k = 0; k < spec.FeatureCount; k++)
            {
                parts[spec.FirstFeature + k] = spec.Encoding == FeatureEncoding.GroupTotal
                    ? spec.Levels.Select(m => (IndexOf(m), 1.0 / spec.Levels.Count)).ToArray()
                    : [(IndexOf(spec.Column), 1.0)];
            }
        }

        return ([.. columns], parts);
    }

    /// <summary>A group total counts a member's missing value as that member's training median.</summary>
    private float MemberFill(string member) =>
        Spec.Columns.FirstOrDefault(c => c.Encoding == FeatureEncoding.Number && c.Column == member)?.Fill ?? 0;

    private Dictionary<string, int> LevelIndex(FeatureColumnSpec spec)
    {
        lock (_levelIndexes)
        {
            if (!_levelIndexes.TryGetValue(spec, out var index))
            {
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < spec.Levels.Count; i++)
                {
                    index[spec.Levels[i]] = i;
                }

                _levelIndexes[spec] = index;
            }

            return index;
        }
    }

    private static void Encode(FeatureColumnSpec spec, Dictionary<string, int> levelIndex, object? value, Span<float> output)
    {
        switch (spec.Encoding)
        {
            case FeatureEncoding.Number:
                {
                    var v = CellValues.ToNumber(value);
                    var missing = float.IsNaN(v);
                    output[0] = missing ? spec.Fill : v;
                    if (spec.MissingFlag)
                    {
                        output[1] = missing ? 1 : 0;
                    }

                    break;
                }

            case FeatureEncoding.OneHot:
                {
                    var label = CellValues.ToLabel(value);
                    if (label is not null && levelIndex.TryGetValue(label, out var level))
                    {
                        output[level] = 1;
                    }

                    break;
                }

            case FeatureEncoding.FrequencyRank:
                {
                    var label = CellValues.ToLabel(value);
                    output[0] = label is not null && levelIndex.TryGetValue(label, out var level) ? level : -1;
                    break;
                }

            case FeatureEncoding.DateParts:
                {
                    var seconds = CellValues.ToSeconds(value);
                    var missing = double.IsNaN(seconds);
                    var time = missing ? DateTime.UnixEpoch.AddDays(spec.Fill) : DateTime.UnixEpoch.AddSeconds(seconds);
                    output[0] = time.Year;
                    output[1] = time.Month;
                    output[2] = time.Day;
                    output[3] = (int)time.DayOfWeek;
                    output[4] = time.Hour + time.Minute / 60f;
                    output[5] = (float)(time - DateTime.UnixEpoch).TotalDays;
                    if (spec.MissingFlag)
                    {
                        output[DatePartCount] = missing ? 1 : 0;
                    }

                    break;
                }

            case FeatureEncoding.Text:
                break;
        }
    }

    private static string? Join(string? current, string? next) =>
        next is null ? current : current is null ? next : current + " | " + next;

    /// <summary>Fill values come from at most <see cref="MedianSample"/> evenly spread rows: a median needs no more.</summary>
    private static IEnumerable<int> Sample(int[] rows)
    {
        var step = Math.Max(1, rows.Length / MedianSample);
        for (var i = 0; i < rows.Length; i += step)
        {
            yield return rows[i];
        }
    }

    private static float Median(float[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
