using AutoMl.Ml.Bundle;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Metrics;

/// <summary>Builds the curves from validation predictions (n×C layout), thinned to a few hundred points.</summary>
public static class CurveBuilder
{
    private const int MaxPoints = 200;

    /// <param name="threshold">Binary: where the confusion matrix labels a row positive.</param>
    public static ModelCurves Build(TaskKind task, IReadOnlyList<string> classes, double[] y, double[] p, int[] rows, double threshold = DecisionThreshold.Default)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rows);
        return task switch
        {
            TaskKind.Binary => Binary(classes, y, p, rows, threshold),
            TaskKind.Multiclass => MulticlassCurves(classes, y, p, rows),
            TaskKind.Regression => Regression(y, p, rows),
        };
    }

    private static ModelCurves Binary(IReadOnlyList<string> classes, double[] y, double[] p, int[] rows, double threshold)
    {
        var order = rows.OrderByDescending(i => p[i]).ToArray();
        double positives = rows.Count(i => y[i] > 0.5);
        var negatives = rows.Length - positives;
        var roc = new List<CurvePoint> { new(0, 0, 1) };
        var pr = new List<CurvePoint>();
        double tp = 0, fp = 0;
        var step = Math.Max(1, order.Length / MaxPoints);
        for (var r = 0; r < order.Length; r++)
        {
            if (y[order[r]] > 0.5)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            var last = r == order.Length - 1;
            if ((r % step == 0 || last) && (last || p[order[r + 1]] != p[order[r]]))
            {
                var cut = p[order[r]];
                roc.Add(new CurvePoint(negatives == 0 ? 0 : fp / negatives, positives == 0 ? 0 : tp / positives, cut));
                pr.Add(new CurvePoint(positives == 0 ? 0 : tp / positives, tp / (tp + fp), cut));
            }
        }

        long[][] counts = [new long[2], new long[2]];
        foreach (var i in rows)
        {
            counts[y[i] > 0.5 ? 1 : 0][DecisionThreshold.Positive(p[i], threshold) ? 1 : 0]++;
        }

        return new ModelCurves(roc, pr, new ConfusionMatrix(classes, counts), null, null,
            ThresholdCurves.Counts(y, p, rows), ThresholdCurves.Gains(y, p, rows), ThresholdCurves.Calibration(y, p, rows));
    }

    private static ModelCurves MulticlassCurves(IReadOnlyList<string> classes, double[] y, double[] p, int[] rows)
    {
        var confusion = Multiclass(classes, y, p, rows);
        return new ModelCurves(null, null, confusion, null, null, PerClass: ThresholdCurves.PerClass(confusion));
    }

    private static ConfusionMatrix Multiclass(IReadOnlyList<string> classes, double[] y, double[] p, int[] rows)
    {
        var k = classes.Count;
        var counts = Enumerable.Range(0, k).Select(_ => new long[k]).ToArray();
        foreach (var i in rows)
        {
            counts[(int)y[i]][Scoring.ArgMax(p, i, k)]++;
        }

        return new ConfusionMatrix(classes, counts);
    }

    private static ModelCurves Regression(double[] y, double[] p, int[] rows)
    {
        var step = Math.Max(1, rows.Length / (MaxPoints * 2));
        var sample = rows.Where((_, index) => index % step == 0).ToArray();
        var vsActual = sample.Select(i => new CurvePoint(y[i], p[i])).ToList();
        var residuals = sample.Select(i => new CurvePoint(p[i], y[i] - p[i])).ToList();
        return new ModelCurves(null, null, null, vsActual, residuals);
    }
}
