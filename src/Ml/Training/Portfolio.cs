using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>
/// Configurations that are good on most tabular data: the leaders (well-known defaults) before the cheap
/// round, then slower and more regularised boosting and forests, so a short budget still gets a strong
/// model; the cost-frugal search then continues from whichever is best.
/// </summary>
internal static class Portfolio
{
    /// <summary>A parameter that makes a LightGBM trial use ML.NET's own data-dependent defaults.</summary>
    public const string MlNetDefaults = "mlnetDefaults";

    /// <summary>Parameters outside the search space that make a LightGBM trial grow depth-limited trees, as XGBoost does.</summary>
    public const string MaxDepth = "maxDepth";

    public const string MinChildWeight = "minChildWeight";

    /// <summary>A parameter that makes a regression trial fit the logarithm of the target and predict its exponential.</summary>
    public const string LogTarget = "logTarget";

    private const int LogTwins = 3;

    /// <summary>
    /// A positive target spread over an order of magnitude or more (prices, counts, durations) has errors that grow with
    /// it; boosting on its logarithm makes other mistakes than boosting on the value, and the ensemble gains from both
    /// (on diamonds the mean of a value and a log model beats either by 4 RMSE).
    /// </summary>
    public static bool SuitsLogTarget(TaskKind task, double[] y) =>
        task == TaskKind.Regression && y.Length > 0 && y.Min() > 0 && y.Max() >= 10 * y.Min();

    /// <summary>Each of the first few LightGBM starting points followed by its twin on the target's logarithm.</summary>
    public static IEnumerable<TrialConfig> WithLogTwins(IEnumerable<TrialConfig> portfolio)
    {
        var twins = 0;
        foreach (var config in portfolio)
        {
            yield return config;
            if (twins < LogTwins && config.Learner == Learner.LightGbm && config.Get(MlNetDefaults, 0) == 0)
            {
                twins++;
                yield return config with { Parameters = new Dictionary<string, double>(config.Parameters) { [LogTarget] = 1 } };
            }
        }
    }

    /// <summary>
    /// The well-known defaults, tried before anything else so that a short budget or a loaded machine never leaves
    /// us below what a user gets from one of them: ML.NET's LightGBM defaults (what a .NET user gets without us),
    /// a scikit-learn HistGradientBoosting-like LightGBM (rate 0.1, 31 leaves, 20 rows a leaf, 255 bins, no L2)
    /// with early stopping, and on small data a random forest of deep trees (300 up to 1,000 rows).
    /// </summary>
    public static IEnumerable<TrialConfig> Leaders(TaskKind task, int rows, int classCount)
    {
        yield return MlNetLightGbm(task, rows, classCount);
        // Not sped up for many classes: at rate 0.25 letter's 26 classes overfit within a few dozen rounds.
        yield return Lgbm(1000, 31, 20, rows > 10_000 ? 0.15 : 0.1, 1, 1.0 / 1024);
        if (Ablation.MetaPortfolio)
        {
            yield return XgBoostLike();
        }

        if (rows <= 2_000 && task != TaskKind.Multiclass)
        {
            // Cheap on small data (about 20k leaves a second) and, like scikit-learn's, strong on small regressions.
            yield return Forest(rows <= 1_000 ? 300 : 150, Math.Clamp(rows / 3, 8, 128), 1, task == TaskKind.Regression ? 1 : 0.35);
        }
    }

    /// <summary>Configurations that are often good, tried after the cheap round; the search then continues from the best.</summary>
    public static IEnumerable<TrialConfig> For(TaskKind task, int rows, int classCount)
    {
        double Rate(double rate) => Speed(task, rows, classCount, rate);

        // ML.NET FastForest grows leaf by leaf at about 50 us a split, so its forests stay shallower than scikit-learn ones.
        var forestLeaves = Math.Clamp(rows / 8, 4, 64);
        var splitFraction = task == TaskKind.Regression ? 0.6 : 0.35;
        // A multiclass forest is one forest a class: dear, and rarely the best, so it waits behind the boosting.
        var forests = SearchSpace.Supports(Learner.FastForest, task, classCount);
        if (forests && task != TaskKind.Multiclass && rows > 2_000)
        {
            yield return Forest(100, forestLeaves, 1, splitFraction);
        }

        yield return Lgbm(100, 63, 5, Rate(0.3), 1, 1);
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
            yield return Forest(task == TaskKind.Multiclass ? 50 : 100, Math.Min(32, forestLeaves), 3, splitFraction * 0.7);
        }

        yield return Lgbm(2000, 4, 10, Rate(0.1), 0.9, 1);
    }

    /// <summary>Alternates two lists of starting points, so that other families come early enough to diversify the ensemble.</summary>
    public static IEnumerable<TrialConfig> Interleave(IEnumerable<TrialConfig> first, IEnumerable<TrialConfig> second)
    {
        using var a = first.GetEnumerator();
        using var b = second.GetEnumerator();
        bool moreA = true, moreB = true;
        while (moreA || moreB)
        {
            if (moreA && (moreA = a.MoveNext()))
            {
                yield return a.Current;
            }

            if (moreB && (moreB = b.MoveNext()))
            {
                yield return b.Current;
            }
        }
    }

    /// <summary>Many classes or many rows make every boosting round dear: bigger steps so early stopping comes sooner.</summary>
    private static double Speed(TaskKind task, int rows, int classCount, double rate) =>
        Math.Min(0.3, rate * (task == TaskKind.Multiclass && classCount > 10 ? 2.5 : 1) * (rows > 10_000 ? 1.5 : 1));

    /// <summary>
    /// ML.NET 5's LightGBM defaults, without L2: the trainer picks rate, leaves and leaf size from the data (the flag
    /// leaves them unset). Measured on mlc_churn, spelling out what its source says it picks (rate 0.2, 20 leaves,
    /// 20 rows a leaf) scored 0.930 against 0.941 AUC, so the flag stays; the values are its place in our space,
    /// where the local search moves on from when it is the best start.
    /// </summary>
    private static TrialConfig MlNetLightGbm(TaskKind task, int rows, int classCount)
    {
        var minChild = task == TaskKind.Multiclass ? Math.Clamp(rows * 4 / 5 / 20 / classCount / 10, 5, 50) : 20;
        return new(Learner.LightGbm, new Dictionary<string, double>
        {
            ["iterations"] = 100,
            ["leaves"] = 20,
            ["minChildSamples"] = minChild,
            ["learningRate"] = 0.2,
            ["maxBinLog2"] = 8,
            ["featureFraction"] = 1,
            ["l1"] = 1.0 / 1024,
            ["l2"] = 1.0 / 1024,
            [MlNetDefaults] = 1,
        });
    }

    /// <summary>
    /// XGBoost's defaults (100 rounds at rate 0.3, depth 6, L2 1, minimum child weight 1, 256 bins) on LightGBM: the
    /// local peer that beat us on mlc_churn was exactly this, and depth-wise trees differ from leaf-wise ones enough to
    /// add to an ensemble.
    /// </summary>
    private static TrialConfig XgBoostLike() => new(Learner.LightGbm, new Dictionary<string, double>
    {
        ["iterations"] = 100,
        ["leaves"] = 64,
        ["minChildSamples"] = 1,
        ["learningRate"] = 0.3,
        ["maxBinLog2"] = 8,
        ["featureFraction"] = 1,
        ["l1"] = 1.0 / 1024,
        ["l2"] = 1,
        [MaxDepth] = 6,
        [MinChildWeight] = 1,
    });

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
