using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>
/// Configurations that are good on most tabular data (LightGBM's defaults with early stopping, slower
/// and more regularised boosting, a random forest), tried right after the cheap round so a short
/// budget still gets a strong model; the cost-frugal search then continues from whichever is best.
/// </summary>
internal static class Portfolio
{
    /// <summary>A parameter that makes a LightGBM trial use ML.NET's own data-dependent defaults.</summary>
    public const string MlNetDefaults = "mlnetDefaults";

    public static IEnumerable<TrialConfig> For(TaskKind task, int rows, int classCount)
    {
        // Many classes or many rows make every boosting round dear: take bigger steps so early stopping comes sooner.
        var speed = (task == TaskKind.Multiclass && classCount > 10 ? 2.5 : 1) * (rows > 10_000 ? 1.5 : 1);
        double Rate(double rate) => Math.Min(0.3, rate * speed);

        // ML.NET FastForest grows leaf by leaf at about 50 us a split, so its forests stay shallower than scikit-learn ones.
        var forestLeaves = Math.Clamp(rows / 8, 4, 64);
        var splitFraction = task == TaskKind.Regression ? 0.6 : 0.35;
        var forests = SearchSpace.Supports(Learner.FastForest, task, classCount);
        yield return new TrialConfig(Learner.LightGbm, new Dictionary<string, double> { ["iterations"] = 100, [MlNetDefaults] = 1 });
        yield return Lgbm(1000, 31, 20, Rate(0.1), 0.8, 1);
        if (forests)
        {
            yield return Forest(100, forestLeaves, 1, splitFraction);
        }

        yield return Lgbm(2000, 15, 10, Rate(0.05), 0.5, 1);
        yield return Lgbm(1000, 8, 30, Rate(0.05), 0.6, 5);
        if (task != TaskKind.Multiclass)
        {
            yield return new TrialConfig(Learner.FastTree, new Dictionary<string, double>
            {
                ["trees"] = 300,
                ["leaves"] = 20,
                ["minChildSamples"] = 10,
                ["learningRate"] = 0.05,
                ["featureFraction"] = 0.8,
            });
        }

        yield return Lgbm(3000, 63, 5, Rate(0.03), 0.7, 10);
        if (forests)
        {
            yield return Forest(100, Math.Min(32, forestLeaves), 3, splitFraction * 0.7);
        }

        yield return Lgbm(2000, 4, 10, Rate(0.1), 0.9, 1);
    }

    private static TrialConfig Forest(int trees, int leaves, int minChild, double featureFraction) =>
        new(Learner.FastForest, new Dictionary<string, double>
        {
            ["trees"] = trees,
            ["leaves"] = leaves,
            ["minChildSamples"] = minChild,
            ["featureFraction"] = featureFraction,
        });

    private static TrialConfig Lgbm(int iterations, int leaves, int minChild, double learningRate, double featureFraction, double l2) =>
        new(Learner.LightGbm, new Dictionary<string, double>
        {
            ["iterations"] = iterations,
            ["leaves"] = leaves,
            ["minChildSamples"] = minChild,
            ["learningRate"] = learningRate,
            ["maxBinLog2"] = 8,
            ["featureFraction"] = featureFraction,
            ["l1"] = 1.0 / 1024,
            ["l2"] = l2,
        });
}
