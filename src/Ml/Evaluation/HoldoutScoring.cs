using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Evaluation;

/// <summary>One model's predictions of the labelled holdout rows, laid out as <see cref="Scoring"/> reads them.</summary>
public sealed record ScoredRows(TaskKind Task, double[] Y, double[] P)
{
    public double Score(MetricKind metric, int[]? rows = null) => Scoring.Compute(metric, Task, Y, P, rows);
}

/// <summary>A metric's difference between two models on the same rows, with a paired bootstrap's 95% interval.</summary>
/// <param name="Gain">Oriented so that positive means the candidate is better (for a loss, champion minus candidate).</param>
public sealed record PairedGain(MetricKind Metric, double Candidate, double Champion, double Gain, double Lower, double Upper);

/// <summary>
/// Scores models on the holdout rows a workflow run set aside, and compares two of them on exactly the same rows: the
/// paired bootstrap resamples rows once per round and scores both models on that resample, so the interval measures
/// the gain, not the two models' separate noise.
/// </summary>
public static class HoldoutScoring
{
    /// <summary>The rows with a target value every model knows (a class it was trained on): the rows both are scored on.</summary>
    public static int[] ComparableRows(ColumnFrame frame, string target, params ModelBundle[] models)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var column = frame[target];
        return Enumerable.Range(0, frame.RowCount).Where(i =>
        {
            var value = column.ValueAt(i);
            if (value is null)
            {
                return false;
            }
            return models.All(m => m.Task == TaskKind.Regression ? value is float f && !float.IsNaN(f) : m.Classes.Contains(CellValues.ToLabel(value)!));
        }).ToArray();
    }

    /// <summary>The model's predictions of <paramref name="rows"/> of the frame, against their labels in its own class order.</summary>
    public static ScoredRows Score(ModelBundle model, ColumnFrame frame, string target, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(rows);
        var values = model.PredictValues(frame);
        var width = model.Task == TaskKind.Multiclass ? model.Classes.Count : 1;
        var column = frame[target];
        var y = new double[rows.Length];
        var p = new double[rows.Length * width];
        var index = model.Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        for (var r = 0; r < rows.Length; r++)
        {
            var value = column.ValueAt(rows[r]);
            y[r] = model.Task == TaskKind.Regression ? (float)value! : index[CellValues.ToLabel(value)!];
            Array.Copy(values, rows[r] * width, p, r * width, width);
        }

        return new ScoredRows(model.Task, y, p);
    }

    public static PairedGain Compare(MetricKind metric, ScoredRows candidate, ScoredRows champion, int resamples = 1000, int seed = 17)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(champion);
        if (candidate.Y.Length != champion.Y.Length)
        {
            throw new ArgumentException("Both models are compared on the same rows.", nameof(champion));
        }

        double Oriented(double c, double h) => MetricInfo.HigherIsBetter(metric) ? c - h : h - c;
        var c0 = candidate.Score(metric);
        var h0 = champion.Score(metric);
        var n = candidate.Y.Length;
        var random = new Random(seed);
        var gains = new double[resamples];
        var sample = new int[n];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                sample[i] = random.Next(n);
            }

            gains[b] = Oriented(candidate.Score(metric, sample), champion.Score(metric, sample));
        }

        Array.Sort(gains);
        return new PairedGain(metric, c0, h0, Oriented(c0, h0), Quantile(gains, 0.025), Quantile(gains, 0.975));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
