using AutoMl.Ml.Bundle;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Metrics;

/// <summary>
/// Metrics over predictions laid out as n×C doubles: regression C=1 (the value), binary C=1
/// (probability of the positive class), multiclass C=K (class probabilities).
/// </summary>
public static class Scoring
{
    private const double Eps = 1e-15;

    /// <param name="threshold">Binary: the positive probability from which a row is labelled positive (accuracy, F1, precision, recall).</param>
    public static double Compute(MetricKind metric, TaskKind task, double[] y, double[] p, int[]? rows = null, double threshold = DecisionThreshold.Default)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        var idx = rows ?? Enumerable.Range(0, y.Length).ToArray();
        var k = task == TaskKind.Multiclass ? p.Length / y.Length : 1;
        return metric switch
        {
            MetricKind.Auc => Auc(y, p, idx),
            MetricKind.LogLoss => task == TaskKind.Binary ? BinaryLogLoss(y, p, idx) : MultiLogLoss(y, p, idx, k),
            MetricKind.Accuracy => Accuracy(task, y, p, idx, k, threshold),
            MetricKind.F1 => Confusion(y, p, idx, threshold).F1,
            MetricKind.Precision => Confusion(y, p, idx, threshold).Precision,
            MetricKind.Recall => Confusion(y, p, idx, threshold).Recall,
            MetricKind.MacroF1 => MacroF1(y, p, idx, k),
            MetricKind.Rmse => Math.Sqrt(idx.Average(i => (y[i] - p[i]) * (y[i] - p[i]))),
            MetricKind.Mae => idx.Average(i => Math.Abs(y[i] - p[i])),
            MetricKind.R2 => R2(y, p, idx),
        };
    }

    /// <summary>Every metric that fits the task, keyed by camelCase name.</summary>
    public static Dictionary<string, double> All(TaskKind task, double[] y, double[] p, int[]? rows = null, double threshold = DecisionThreshold.Default) =>
        Enum.GetValues<MetricKind>().Where(m => MetricInfo.Fits(m, task))
            .ToDictionary(m => JsonName(m), m => Compute(m, task, y, p, rows, threshold));

    public static string JsonName(MetricKind metric)
    {
        var name = metric.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static double Auc(double[] y, double[] p, int[] idx)
    {
        var order = idx.OrderBy(i => p[i]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 + 1 < order.Length && p[order[i1 + 1]] == p[order[i0]])
            {
                i1++;
            }

            var averageRank = (i0 + i1) / 2.0 + 1;
            for (var j = i0; j <= i1; j++)
            {
                if (y[order[j]] > 0.5)
                {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }

            i0 = i1 + 1;
        }

        long negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return 0.5;
        }

        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    private static double BinaryLogLoss(double[] y, double[] p, int[] idx) =>
        -idx.Average(i => y[i] > 0.5 ? Math.Log(Math.Clamp(p[i], Eps, 1)) : Math.Log(Math.Clamp(1 - p[i], Eps, 1)));

    private static double MultiLogLoss(double[] y, double[] p, int[] idx, int k) =>
        -idx.Average(i => Math.Log(Math.Clamp(p[i * k + (int)y[i]], Eps, 1)));

    private static double Accuracy(TaskKind task, double[] y, double[] p, int[] idx, int k, double threshold) => task == TaskKind.Multiclass
        ? idx.Count(i => ArgMax(p, i, k) == (int)y[i]) / (double)idx.Length
        : idx.Count(i => DecisionThreshold.Positive(p[i], threshold) == (y[i] > 0.5)) / (double)idx.Length;

    public static int ArgMax(double[] p, int row, int k)
    {
        var best = 0;
        for (var c = 1; c < k; c++)
        {
            if (p[row * k + c] > p[row * k + best])
            {
                best = c;
            }
        }

        return best;
    }

    private static (double Precision, double Recall, double F1) Confusion(double[] y, double[] p, int[] idx, double threshold)
    {
        double tp = 0, fp = 0, fn = 0;
        foreach (var i in idx)
        {
            var predicted = DecisionThreshold.Positive(p[i], threshold);
            var actual = y[i] > 0.5;
            tp += predicted && actual ? 1 : 0;
            fp += predicted && !actual ? 1 : 0;
            fn += !predicted && actual ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    private static double MacroF1(double[] y, double[] p, int[] idx, int k)
    {
        double total = 0;
        for (var c = 0; c < k; c++)
        {
            double tp = 0, fp = 0, fn = 0;
            foreach (var i in idx)
            {
                var predicted = ArgMax(p, i, k) == c;
                var actual = (int)y[i] == c;
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
            }

            total += tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
        }

        return total / k;
    }

    private static double R2(double[] y, double[] p, int[] idx)
    {
        var mean = idx.Average(i => y[i]);
        var total = idx.Sum(i => (y[i] - mean) * (y[i] - mean));
        var residual = idx.Sum(i => (y[i] - p[i]) * (y[i] - p[i]));
        return total == 0 ? 0 : 1 - residual / total;
    }
}
