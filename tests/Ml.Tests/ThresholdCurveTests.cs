using System.Text.Json;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

/// <summary>The threshold tools' curves on ten rows small enough to count by hand.</summary>
public sealed class ThresholdCurveTests
{
    // Ranked by probability: 0.95+, 0.85+, 0.75-, 0.65+, 0.55-, 0.45+, 0.35-, 0.25-, 0.15-, 0.05- (4 positives, 6 negatives).
    private static readonly double[] P = [0.95, 0.85, 0.75, 0.65, 0.55, 0.45, 0.35, 0.25, 0.15, 0.05];
    private static readonly double[] Y = [1, 1, 0, 1, 0, 1, 0, 0, 0, 0];
    private static readonly int[] Rows = [.. Enumerable.Range(0, 10)];

    [Fact]
    public void Counts_at_each_threshold_are_what_a_person_counts()
    {
        var points = ThresholdCurves.Counts(Y, P, Rows);

        // Every probability plus the default 0.5.
        Assert.Equal(11, points.Count);
        Assert.Equal(new ThresholdPoint(0.65, 3, 1, 5, 1), points.Single(p => p.Threshold == 0.65));
        Assert.Equal(new ThresholdPoint(0.5, 3, 2, 4, 1), points.Single(p => p.Threshold == 0.5));
        Assert.Equal(new ThresholdPoint(0.05, 4, 6, 0, 0), points[0]);
        Assert.Equal(new ThresholdPoint(0.95, 1, 0, 6, 3), points[^1]);
        var at65 = points.Single(p => p.Threshold == 0.65).Rates();
        Assert.Equal(0.75, at65.Precision, 12);
        Assert.Equal(0.75, at65.Recall, 12);
        Assert.Equal(0.8, at65.Accuracy, 12);
    }

    [Fact]
    public void Counts_keep_at_most_two_hundred_thresholds()
    {
        var random = new Random(3);
        var p = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var y = p.Select(v => random.NextDouble() < v ? 1.0 : 0.0).ToArray();
        var points = ThresholdCurves.Counts(y, p, [.. Enumerable.Range(0, 5000)]);

        Assert.InRange(points.Count, 150, ThresholdCurves.MaxThresholds);
        Assert.All(points, point => Assert.Equal(5000, point.TruePositives + point.FalsePositives + point.TrueNegatives + point.FalseNegatives));
        Assert.Contains(points, point => point.Threshold == DecisionThreshold.Default);
        Assert.Equal(p.Max(), points[^1].Threshold);
    }

    [Fact]
    public void Gains_and_lift_follow_the_ranking()
    {
        var gains = ThresholdCurves.Gains(Y, P, Rows);

        // 20 steps of 5% over 10 rows: every other step adds a row; the top 20% (2 rows) hold 2 of 4 positives.
        var top20 = gains.Single(g => Math.Abs(g.Population - 0.2) < 1e-12);
        Assert.Equal(0.5, top20.Gain, 12);
        Assert.Equal(2.5, top20.Lift, 12);
        var top60 = gains.Single(g => Math.Abs(g.Population - 0.6) < 1e-12);
        Assert.Equal(1.0, top60.Gain, 12);
        Assert.Equal(1.0, gains[^1].Gain, 12);
        Assert.Equal(1.0, gains[^1].Lift, 12);
    }

    [Fact]
    public void Calibration_bins_hold_mean_prediction_and_observed_rate()
    {
        var bins = ThresholdCurves.Calibration([1, 0, 1, 1, 0], [0.82, 0.88, 0.12, 0.18, 0.15], [0, 1, 2, 3, 4]);

        Assert.Equal(2, bins.Count);
        var low = bins[0];
        Assert.Equal((0.1, 0.2, 3L), (low.Lower, low.Upper, low.Count));
        Assert.Equal(0.15, low.MeanPredicted, 12);
        Assert.Equal(2 / 3.0, low.Observed, 12);
        var high = bins[1];
        Assert.Equal((0.8, 0.9, 2L), (high.Lower, high.Upper, high.Count));
        Assert.Equal(0.85, high.MeanPredicted, 12);
        Assert.Equal(0.5, high.Observed, 12);
    }

    [Fact]
    public void Per_class_metrics_come_from_the_confusion_matrix()
    {
        // Actual rows, predicted columns: a is predicted right 8 of 10 times, b 3 of 5, c never.
        long[][] counts = [[8, 2, 0], [1, 3, 1], [1, 0, 0]];
        var perClass = ThresholdCurves.PerClass(new ConfusionMatrix(["a", "b", "c"], counts));

        Assert.Equal(["a", "b", "c"], perClass.Select(c => c.Label));
        Assert.Equal(0.8, perClass[0].Precision, 12);
        Assert.Equal(0.8, perClass[0].Recall, 12);
        Assert.Equal(10, perClass[0].Support);
        Assert.Equal(0.6, perClass[1].Precision, 12);
        Assert.Equal(0.6, perClass[1].Recall, 12);
        Assert.Equal(0.0, perClass[2].F1, 12);
        Assert.Equal(1, perClass[2].Support);
    }

    [Fact]
    public void Objectives_pick_the_point_a_person_would()
    {
        var points = ThresholdCurves.Counts(Y, P, Rows);

        // Precision ≥ 0.9 holds only at 0.85 and 0.95; 0.85 keeps more recall.
        Assert.Equal(0.85, ThresholdChoice.Choose(points, ThresholdObjective.Precision, 0.9).Point!.Threshold);
        // Recall 1 needs 0.45 or lower; 0.45 has the best precision (4 of 6).
        Assert.Equal(0.45, ThresholdChoice.Choose(points, ThresholdObjective.Recall, 1.0).Point!.Threshold);
        // F1: 0.45 gives 2·(4/6·1)/(4/6+1) = 0.8, the most.
        Assert.Equal(0.45, ThresholdChoice.Choose(points, ThresholdObjective.MaxF1).Point!.Threshold);
        // A missed positive costs 10 false alarms: take every positive (0.45: 2 FP; lower only adds FP).
        Assert.Equal(0.45, ThresholdChoice.Choose(points, ThresholdObjective.Cost, falsePositiveCost: 1, falseNegativeCost: 10).Point!.Threshold);
        // A false alarm costs 10 misses: call nothing positive but the surest row.
        Assert.Equal(0.85, ThresholdChoice.Choose(points, ThresholdObjective.Cost, falsePositiveCost: 10, falseNegativeCost: 1).Point!.Threshold);
    }

    [Fact]
    public void A_target_no_point_meets_reports_the_best_reachable()
    {
        var points = ThresholdCurves.Counts(Y, P, [2, 3, 4, 5, 6]);

        // Among rows 0.75-, 0.65+, 0.55-, 0.45+, 0.35-, no threshold gets precision above 0.5.
        var pick = ThresholdChoice.Choose(points, ThresholdObjective.Precision, 0.9);
        Assert.Null(pick.Point);
        Assert.Equal(0.5, pick.BestReachable, 12);
    }

    [Fact]
    public void A_threshold_between_points_counts_as_the_point_above_it()
    {
        var points = ThresholdCurves.Counts(Y, P, Rows);

        Assert.Equal(0.65, ThresholdChoice.At(points, 0.6)!.Threshold);
        Assert.Equal(new ThresholdPoint(0.99, 0, 0, 6, 4), ThresholdChoice.At(points, 0.99));
    }

    [Fact]
    public void The_chosen_threshold_relabels_without_touching_probabilities()
    {
        var classes = new[] { "no", "yes" };
        var predictions = new[] { 0.3, 0.45, 0.7 }.Select(p => new RowPrediction(DecisionThreshold.Label(classes, p), null,
            new Dictionary<string, double> { ["no"] = 1 - p, ["yes"] = p })).ToList();

        Assert.Equal(["no", "no", "yes"], predictions.Select(p => p.Label));
        var relabelled = DecisionThreshold.Apply(predictions, TaskKind.Binary, classes, 0.4);
        Assert.Equal(["no", "yes", "yes"], relabelled.Select(p => p.Label));
        Assert.Equal(predictions.Select(p => p.Probabilities!["yes"]), relabelled.Select(p => p.Probabilities!["yes"]));
        Assert.Same(predictions, DecisionThreshold.Apply(predictions, TaskKind.Multiclass, classes, 0.4));
    }

    [Fact]
    public void A_result_written_before_the_threshold_curves_still_reads()
    {
        const string before = """{"roc":[{"x":0,"y":0,"threshold":1}],"precisionRecall":[],"confusion":{"labels":["no","yes"],"counts":[[1,0],[0,1]]},"predictedVsActual":null,"residuals":null}""";

        var curves = JsonSerializer.Deserialize<ModelCurves>(before, JsonSerializerOptions.Web)!;

        Assert.Single(curves.Roc!);
        Assert.Null(curves.Thresholds);
        Assert.Null(curves.Gains);
        Assert.Null(curves.Calibration);
        Assert.Null(curves.PerClass);
    }
}
