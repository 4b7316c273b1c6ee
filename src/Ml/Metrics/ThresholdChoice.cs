namespace AutoMl.Ml.Metrics;

/// <summary>What a threshold is chosen for.</summary>
public enum ThresholdObjective
{
    MaxF1,
    Precision,
    Recall,
    Cost,
}

/// <summary>A chosen point, or (Point null) why none could be: the best value any stored point reaches.</summary>
public sealed record ThresholdPick(ThresholdPoint? Point, double BestReachable);

/// <summary>Chooses a threshold among the stored points (<see cref="ThresholdCurves.Counts"/>).</summary>
public static class ThresholdChoice
{
    /// <summary>
    /// MaxF1: the highest F1. Precision: of the points whose precision reaches <paramref name="target"/>, the one that
    /// keeps the most recall. Recall: of the points whose recall reaches it, the one with the best precision. Cost: the
    /// fewest false positives × <paramref name="falsePositiveCost"/> + false negatives × <paramref name="falseNegativeCost"/>.
    /// Ties go to the point nearest the default 0.5, so an objective that cannot tell points apart leaves labels as they were.
    /// </summary>
    public static ThresholdPick Choose(IReadOnlyList<ThresholdPoint> points, ThresholdObjective objective, double target = 0, double falsePositiveCost = 0, double falseNegativeCost = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return new ThresholdPick(null, 0);
        }

        var rated = points.Select(p => (Point: p, Rates: p.Rates())).ToList();
        switch (objective)
        {
            case ThresholdObjective.Precision:
                {
                    var meeting = rated.Where(r => r.Rates.Precision >= target).ToList();
                    return meeting.Count == 0
                        ? new ThresholdPick(null, rated.Max(r => r.Rates.Precision))
                        : new ThresholdPick(Best(meeting, r => r.Rates.Recall), target);
                }

            case ThresholdObjective.Recall:
                {
                    var meeting = rated.Where(r => r.Rates.Recall >= target).ToList();
                    return meeting.Count == 0
                        ? new ThresholdPick(null, rated.Max(r => r.Rates.Recall))
                        : new ThresholdPick(Best(meeting, r => r.Rates.Precision), target);
                }

            case ThresholdObjective.Cost:
                return new ThresholdPick(Best(rated, r => -(r.Point.FalsePositives * falsePositiveCost + r.Point.FalseNegatives * falseNegativeCost)), 0);

            case ThresholdObjective.MaxF1:
            default:
                return new ThresholdPick(Best(rated, r => r.Rates.F1), 0);
        }
    }

    /// <summary>The stored point whose counts stand for <paramref name="threshold"/>: the lowest point at or above it
    /// (every probability from the point below up to it is labelled the same); above every point nothing is positive.</summary>
    public static ThresholdPoint? At(IReadOnlyList<ThresholdPoint> points, double threshold)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return null;
        }

        if (points.Where(p => p.Threshold >= threshold).MinBy(p => p.Threshold) is { } point)
        {
            return point;
        }

        var any = points[0];
        return new ThresholdPoint(threshold, 0, 0, any.FalsePositives + any.TrueNegatives, any.TruePositives + any.FalseNegatives);
    }

    private static ThresholdPoint Best(List<(ThresholdPoint Point, ThresholdRates Rates)> candidates, Func<(ThresholdPoint Point, ThresholdRates Rates), double> score)
    {
        var top = candidates.Max(score);
        return candidates.Where(c => score(c) >= top - 1e-12).MinBy(c => Math.Abs(c.Point.Threshold - 0.5)).Point;
    }
}
