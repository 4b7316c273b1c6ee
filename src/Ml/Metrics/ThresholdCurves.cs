using AutoMl.Ml.Bundle;

namespace AutoMl.Ml.Metrics;

/// <summary>
/// What the threshold tools read, from a binary model's validation predictions (y is 0/1, p the positive probability):
/// counts at up to <see cref="MaxThresholds"/> thresholds, lift and cumulative gain, and a 10-bin reliability curve.
/// </summary>
public static class ThresholdCurves
{
    public const int MaxThresholds = 200;
    public const int GainSteps = 20;
    public const int CalibrationBins = 10;

    /// <summary>Thresholds are the predicted probabilities themselves (thinned evenly when there are more), plus the
    /// default 0.5, so each point's counts are exact for every probability between it and the next point below.</summary>
    public static IReadOnlyList<ThresholdPoint> Counts(double[] y, double[] p, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rows);
        var distinct = rows.Select(i => p[i]).Distinct().Order().ToList();
        // The highest probability is always kept: the strictest thresholds are where a precision target is met.
        var step = Math.Max(1, (int)Math.Ceiling(distinct.Count / (double)(MaxThresholds - 2)));
        var grid = distinct.Where((_, index) => index % step == 0 || index == distinct.Count - 1)
            .Append(DecisionThreshold.Default).Distinct().Order().ToArray();

        // One pass in descending probability: the rows at or above a threshold are a prefix.
        var order = rows.OrderByDescending(i => p[i]).ToArray();
        long positives = rows.LongCount(i => y[i] > 0.5), negatives = rows.Length - positives;
        long tp = 0, fp = 0;
        var next = 0;
        var points = new ThresholdPoint[grid.Length];
        for (var g = grid.Length - 1; g >= 0; g--)
        {
            while (next < order.Length && DecisionThreshold.Positive(p[order[next]], grid[g]))
            {
                if (y[order[next]] > 0.5)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                next++;
            }

            points[g] = new ThresholdPoint(grid[g], tp, fp, negatives - fp, positives - tp);
        }

        return points;
    }

    /// <summary>Cumulative gain and lift at every 5% of the rows ranked by predicted probability (ties keep row order).</summary>
    public static IReadOnlyList<GainPoint> Gains(double[] y, double[] p, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rows);
        var order = rows.OrderByDescending(i => p[i]).ToArray();
        double positives = rows.Count(i => y[i] > 0.5);
        var points = new List<GainPoint>();
        if (order.Length == 0 || positives == 0)
        {
            return points;
        }

        var found = 0;
        var taken = 0;
        for (var s = 1; s <= GainSteps; s++)
        {
            // With fewer rows than steps some steps add no row: those would repeat the previous point.
            var upTo = (int)Math.Round(order.Length * (double)s / GainSteps);
            if (upTo <= taken)
            {
                continue;
            }

            for (; taken < upTo; taken++)
            {
                found += y[order[taken]] > 0.5 ? 1 : 0;
            }

            var population = taken / (double)order.Length;
            var gain = found / positives;
            points.Add(new GainPoint(population, gain, gain / population));
        }

        return points;
    }

    /// <summary>Ten equal-width bins of the predicted probability; empty bins are left out.</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(double[] y, double[] p, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rows);
        var count = new long[CalibrationBins];
        var predicted = new double[CalibrationBins];
        var observed = new double[CalibrationBins];
        foreach (var i in rows)
        {
            var bin = Math.Clamp((int)(p[i] * CalibrationBins), 0, CalibrationBins - 1);
            count[bin]++;
            predicted[bin] += p[i];
            observed[bin] += y[i] > 0.5 ? 1 : 0;
        }

        return Enumerable.Range(0, CalibrationBins).Where(b => count[b] > 0)
            .Select(b => new CalibrationBin(b / (double)CalibrationBins, (b + 1) / (double)CalibrationBins, predicted[b] / count[b], observed[b] / count[b], count[b]))
            .ToList();
    }

    /// <summary>Per class, one against the rest, from the confusion matrix (counts[actual][predicted]).</summary>
    public static IReadOnlyList<ClassMetrics> PerClass(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var k = confusion.Labels.Count;
        return Enumerable.Range(0, k).Select(c =>
        {
            double tp = confusion.Counts[c][c];
            var support = confusion.Counts[c].Sum();
            double predicted = Enumerable.Range(0, k).Sum(a => confusion.Counts[a][c]);
            var precision = predicted == 0 ? 0 : tp / predicted;
            var recall = support == 0 ? 0 : tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassMetrics(confusion.Labels[c], precision, recall, f1, support);
        }).ToList();
    }
}
