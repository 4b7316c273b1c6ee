using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

/// <summary>A binary model's label metrics taken at its saved threshold (issue 29's evaluations), the probability metrics untouched.</summary>
public sealed class ScoringThresholdTests
{
    private static readonly double[] Y = [1, 0, 1, 0, 1, 0];
    private static readonly double[] P = [0.4, 0.3, 0.9, 0.6, 0.45, 0.1];

    [Fact]
    public void label_metrics_and_the_confusion_matrix_follow_the_threshold_and_auc_and_logloss_do_not()
    {
        var atDefault = Scoring.All(TaskKind.Binary, Y, P);
        var atLower = Scoring.All(TaskKind.Binary, Y, P, null, 0.35);

        // At 0.5 one positive of three is found and one negative is called positive; at 0.35 all three, the same false one.
        Assert.Equal((3 / 6.0, 1 / 3.0, 0.5), (atDefault["accuracy"], atDefault["recall"], atDefault["precision"]));
        Assert.Equal((5 / 6.0, 1.0, 0.75), (atLower["accuracy"], atLower["recall"], atLower["precision"]));
        Assert.Equal(atDefault["auc"], atLower["auc"]);
        Assert.Equal(atDefault["logLoss"], atLower["logLoss"]);
        var confusion = CurveBuilder.Build(TaskKind.Binary, ["neg", "pos"], Y, P, [0, 1, 2, 3, 4, 5], 0.35).Confusion!;
        Assert.Equal([2L, 1L], confusion.Counts[0]);
        Assert.Equal([0L, 3L], confusion.Counts[1]);
    }
}
