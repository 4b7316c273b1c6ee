using AutoMl.Ml.Metrics;

namespace AutoMl.Ml.Training;

/// <summary>
/// Caruana et al. (2004): greedy forward selection with replacement over the trials' out-of-fold
/// predictions, starting from the best single trial; returns weights that sum to one.
/// </summary>
internal static class EnsembleSelection
{
    public static (int[] Trials, double[] Weights, double Loss) Select(
        IReadOnlyList<TrialOutcome> candidates, TrainingData data, int[] rows, MetricKind metric, int rounds = 25, CancellationToken ct = default)
    {
        var width = data.Width;
        var best = candidates.OrderBy(c => c.Loss).First();
        var counts = new int[candidates.Count];
        var bestIndex = IndexOf(candidates, best);
        counts[bestIndex] = 1;
        var sum = (double[])best.Predictions!.Clone();
        var members = 1;
        var bestLoss = best.Loss;
        var bestCounts = (int[])counts.Clone();
        var trial = new double[sum.Length];
        var stale = 0;
        for (var round = 0; round < rounds && stale < 8; round++)
        {
            ct.ThrowIfCancellationRequested();
            var roundBest = double.PositiveInfinity;
            var roundPick = -1;
            for (var j = 0; j < candidates.Count; j++)
            {
                var p = candidates[j].Predictions!;
                foreach (var r in rows)
                {
                    for (var k = 0; k < width; k++)
                    {
                        var at = r * width + k;
                        trial[at] = (sum[at] + p[at]) / (members + 1);
                    }
                }

                var loss = MetricInfo.AsLoss(metric, Scoring.Compute(metric, data.Task, data.Y, trial, rows));
                if (loss < roundBest)
                {
                    roundBest = loss;
                    roundPick = j;
                }
            }

            var chosen = candidates[roundPick].Predictions!;
            foreach (var r in rows)
            {
                for (var k = 0; k < width; k++)
                {
                    sum[r * width + k] += chosen[r * width + k];
                }
            }

            members++;
            counts[roundPick]++;
            if (roundBest < bestLoss - 1e-12)
            {
                bestLoss = roundBest;
                bestCounts = (int[])counts.Clone();
                stale = 0;
            }
            else
            {
                stale++;
            }
        }

        var total = (double)bestCounts.Sum();
        var picked = Enumerable.Range(0, candidates.Count).Where(i => bestCounts[i] > 0).ToArray();
        return (picked.Select(i => candidates[i].Number).ToArray(), picked.Select(i => bestCounts[i] / total).ToArray(), bestLoss);
    }

    /// <summary>The weighted mix of the members' n×C predictions.</summary>
    public static double[] Blend(IReadOnlyList<double[]> predictions, IReadOnlyList<double> weights)
    {
        var output = new double[predictions[0].Length];
        for (var m = 0; m < predictions.Count; m++)
        {
            var p = predictions[m];
            var w = weights[m];
            for (var i = 0; i < output.Length; i++)
            {
                output[i] += w * p[i];
            }
        }

        return output;
    }

    private static int IndexOf(IReadOnlyList<TrialOutcome> list, TrialOutcome item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}
