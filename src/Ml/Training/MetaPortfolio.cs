using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>
/// FLAML's zero-shot LightGBM portfolio (microsoft/FLAML, <c>flaml/default/lgbm/*.json</c>, commit 53e3461, unchanged
/// since its #468 of 2022-03-01): configurations chosen on OpenML tasks by greedy portfolio construction, with each
/// training task's meta-features and its ranking of them. As FLAML's <c>suggest_config</c> does, a new data set's
/// meta-features (rows, input columns, classes, share of numeric columns) are scaled by the file's median and
/// interquartile range and matched to the nearest training task, whose ranking comes first; the other configurations
/// follow in the order the next-nearest tasks rank them. The values are copied verbatim (facts, with their source
/// named); a configuration that cannot fit the budget is left out.
/// </summary>
internal static class MetaPortfolio
{
    /// <summary>
    /// Tree-rows (boosting rounds × trees a round × rows a fit × fits a trial) one trial may spend per minute of budget:
    /// about 15 s of one core here for small trees, a quarter of what a minute on two cores gives, so one configuration
    /// never eats the search. Early stopping usually ends a fit sooner; the filter assumes it does not.
    /// </summary>
    private const double TreeRowsPerMinute = 3e8;

    /// <summary>
    /// The portfolio's configurations, best first for these data, in our LightGBM space: <paramref name="rows"/> as FLAML
    /// counts them, while a trial makes <paramref name="fitsPerTrial"/> fits (folds, and each fold's refit after its
    /// inner early stop) of <paramref name="rowsPerFit"/> rows.
    /// </summary>
    public static IEnumerable<TrialConfig> For(TaskKind task, int rows, IReadOnlyList<ColumnSchema> inputs, int classCount, TimeSpan budget, int rowsPerFit, int fitsPerTrial)
    {
        var treesPerRound = task == TaskKind.Multiclass ? classCount : 1;
        var table = task switch
        {
            TaskKind.Binary => Binary,
            TaskKind.Multiclass => Multiclass,
            _ => Regression,
        };
        var numeric = inputs.Count == 0 ? 1 : inputs.Count(i => i.Kind == ColumnKind.Numeric) / (double)inputs.Count;
        double[] features = [rows, inputs.Count, task == TaskKind.Regression ? 0 : classCount, numeric];
        var scaled = features.Select((v, i) => (v - table.Center[i]) / table.Scale[i]).ToArray();
        var order = table.Neighbours
            .OrderBy(n => n.Features.Select((v, i) => (v - scaled[i]) * (v - scaled[i])).Sum())
            .SelectMany(n => n.Choice)
            .Distinct();
        foreach (var index in order)
        {
            // null: LightGBM's own defaults, which the leaders already run.
            if (table.Configs[index] is not { } c || c[0] * treesPerRound * (double)rowsPerFit * fitsPerTrial > TreeRowsPerMinute * Math.Max(0.25, budget.TotalMinutes))
            {
                continue;
            }

            yield return new TrialConfig(Learner.LightGbm, new Dictionary<string, double>
            {
                ["iterations"] = c[0],
                ["leaves"] = Math.Min(c[1], Math.Max(4, rows)),
                ["minChildSamples"] = c[2],
                ["learningRate"] = c[3],
                ["maxBinLog2"] = c[4],
                ["featureFraction"] = c[5],
                ["l1"] = c[6],
                ["l2"] = c[7],
            });
        }
    }

    /// <summary>One task's file: the meta-feature scaling, the configurations (n_estimators, num_leaves, min_child_samples,
    /// learning_rate, log_max_bin, colsample_bytree, reg_alpha, reg_lambda; null for the defaults) and the training tasks.</summary>
    private sealed record Table(double[] Center, double[] Scale, double[]?[] Configs, (double[] Features, int[] Choice)[] Neighbours);

    // binary: `microsoft/FLAML` @ `53e3461079d90f69430015fad04f3c726c39dd2d` : `flaml/default/lgbm/binary.json` (git blob `5eb163938595a74f2939bde29d823f8f873e5dfd`)
    private static readonly Table Binary = new(
        [18000.0, 28.0, 2.0, 0.7565217391304347],
        [42124.0, 130.0, 1.0, 0.5714285714285715],
        [
            [2541, 1667, 29, 0.0016660662914022302, 8, 0.5157078343718623, 0.045792841240713165, 0.0012362651138125363],
            [141, 139, 8, 0.04824748268727149, 9, 0.5261441571042451, 0.002896920833899335, 0.024463247502165594],
            [31204, 4, 3, 0.009033979476164342, 10, 0.5393339924944204, 15.800090067239827, 34.82471227276953],
            [362, 1208, 8, 0.02070742242160566, 4, 0.37915528071680865, 0.002982599447751338, 1.136605174453919],
            null,
        ],
        [
            ([1.196467571930491, 1.0923076923076922, 0.0, 0.4260869565217391], [4]),
            ([11.096856898680088, -0.16153846153846155, 0.0, -0.5739130434782609], [0, 1, 3, 2, 4]),
            ([8.658152122305575, 0.38461538461538464, 0.0, -0.7405797101449274], [2, 1, 0, 3, 4]),
            ([0.27281359794891274, -0.14615384615384616, 0.0, -1.3239130434782607], [0, 1, 4]),
            ([-0.4125676573924604, -0.1076923076923077, 0.0, -0.5739130434782609], [3, 1, 0, 2, 4]),
            ([0.6409647706770487, 1.5538461538461539, 0.0, 0.0], [2, 0, 1, 4]),
            ([2.3515573069983855, 0.16923076923076924, 0.0, 0.4260869565217391], [2, 0, 3, 1, 4]),
            ([0.6162045389801538, -0.1076923076923077, 0.0, -0.5739130434782609], [1, 4]),
            ([0.5386240622922799, -0.09230769230769231, 0.0, -0.5582880434782608], [1, 0, 4]),
            ([-0.41133320672300827, -0.18461538461538463, 0.0, 0.4260869565217391], [3, 2, 4]),
            ([-0.31155635742094767, 12.36923076923077, 0.0, 0.3865087169129372], [2, 3, 0, 1, 4]),
            ([-0.40594435476213087, -0.06153846153846154, 0.0, -0.7114130434782607], [1, 0, 4]),
            ([0.0, 32.83076923076923, 0.0, 0.4260869565217391], [0, 1, 3, 2, 4]),
            ([1.6675766783781218, 0.0, 0.0, 0.4260869565217391], [0, 1, 4]),
            ([-0.36356946158959264, 0.8923076923076924, 0.0, -1.2266908212560386], [3, 4]),
            ([-0.38225239768303104, -0.05384615384615385, 0.0, 0.4260869565217391], [3, 1, 0, 4]),
            ([-0.3590352293229513, 0.06153846153846154, 0.0, -1.3239130434782607], [4]),
            ([0.3090399772101415, 0.6923076923076923, 0.0, -0.003997789240972687], [1, 3, 4]),
            ([-0.3118649700883107, -0.17692307692307693, 0.0, 0.4260869565217391], [1, 4]),
            ([0.0, 32.83076923076923, 0.0, 0.4260869565217391], [0, 1, 3, 4]),
            ([-0.3178473079479632, -0.06153846153846154, 0.0, 0.4260869565217391], [1, 0, 4]),
        ]);

    // multiclass: `microsoft/FLAML` @ `53e3461079d90f69430015fad04f3c726c39dd2d` : `flaml/default/lgbm/multiclass.json` (git blob `ad351db77ddd7efd9a73d74db0c44246d0d060a9`)
    private static readonly Table Multiclass = new(
        [40337.0, 54.0, 7.0, 1.0],
        [58722.0, 766.0, 6.0, 1.0],
        [
            [134, 225, 21, 0.10182098014295998, 5, 0.6103565306428956, 0.0009765625, 40.413729576022625],
            [3726, 155, 4, 0.040941607728296484, 5, 0.5326256194627191, 0.7408711930398492, 0.5467731065349226],
            [573, 16, 52, 0.2422782244991656, 7, 1.0, 0.03433194930183514, 0.03870494540146326],
            [2931, 106, 49, 0.007146230961642236, 7, 0.46947896116006055, 0.37428758811879526, 23.639977131692564],
            [241, 58, 2, 0.022730855281657265, 5, 0.5620897082415793, 0.0031614554887399314, 0.02175056245188971],
            [8353, 371, 71, 0.017965875630873252, 10, 0.9002082433803926, 0.4864366003694002, 0.024138585745106363],
            [320, 24, 53, 0.019316895546068795, 6, 0.3955693254372702, 0.0013785083170001627, 0.04644365636517757],
            [733, 11, 94, 0.06276798296942972, 6, 0.6341928918435795, 0.5811038918218691, 43.304997517523944],
            null,
        ],
        [
            ([8.217925138789552, 0.0, 0.0, -0.8148148148148149], [5, 1, 0, 3, 2, 7, 4, 8]),
            ([5.691767991553421, 0.007832898172323759, 58.0, 0.0], [0, 2, 4, 7, 6, 8]),
            ([0.385937127482034, 0.9530026109660574, 0.5, 0.0], [3, 7, 0, 4, 1, 8]),
            ([0.3123020333094922, -0.03524804177545692, 15.5, 0.0], [3, 0, 7, 6, 1, 4, 5, 2, 8]),
            ([0.5964033922550321, 0.0, -0.5, 0.0], [3, 0, 7, 4, 8]),
            ([-0.5336500800381458, 9.328981723237598, 0.5, 0.0], [3, 0, 4, 1, 2, 7, 6, 8]),
            ([0.20201968597799802, -0.0587467362924282, 0.0, 0.0], [4, 6, 1, 7, 5, 3, 0, 2, 8]),
            ([0.20677088655018563, 0.16449086161879894, 0.5, 0.0], [3, 0, 1, 5, 7, 4, 8]),
            ([-0.6604339089268076, -0.06266318537859007, -0.5, -1.0], [8]),
            ([-0.6703620448894793, 1.0469973890339426, 0.3333333333333333, 0.0], [4, 1, 8]),
            ([0.34848949286468445, -0.015665796344647518, -0.6666666666666666, -1.0], [1, 5, 2, 3, 0, 8]),
            ([-0.5336500800381458, 2.5404699738903394, -0.3333333333333333, 0.0], [2, 8]),
            ([-0.5606757263036, 0.9738903394255874, 0.0, 0.0], [4, 1, 8]),
            ([0.0, -0.06266318537859007, -0.6666666666666666, 0.0], [2, 1, 5, 8]),
            ([-0.6562617077075031, 0.21148825065274152, 0.5, 0.0], [2, 6, 7, 5, 3, 1, 4, 8]),
            ([-0.6515105071353156, -0.04960835509138381, 0.0, 0.0], [6, 1, 3, 7, 5, 4, 0, 2, 8]),
            ([-0.6739552467559007, -0.04699738903394256, -0.5, 0.0], [6, 7, 3, 1, 0, 4, 5, 8]),
        ]);

    // regression: `microsoft/FLAML` @ `53e3461079d90f69430015fad04f3c726c39dd2d` : `flaml/default/lgbm/regression.json` (git blob `5a3ce8718b724da22262955b98dc22d873930411`)
    private static readonly Table Regression = new(
        [36691.0, 10.0, 0.0, 1.0],
        [140856.0, 3.0, 1.0, 0.33333333333333337],
        [
            [4797, 122, 2, 0.022635758411078528, 9, 0.7019911744574896, 0.004252223402511765, 0.11288241427227624],
            [1009, 42, 12, 0.02167229637171611, 7, 0.7385038460573171, 0.003607184551842614, 12.08340803550741],
            [32767, 372, 4, 0.03517259015200922, 5, 1.0, 0.02271142170225636, 0.001963791798843179],
            null,
        ],
        [
            ([0.0, 0.0, 0.0, 0.0], [3]),
            ([-0.17263020389617767, 10.0, 0.0, 0.0], [1, 0, 3]),
            ([6.129018288180837, -0.3333333333333333, 0.0, -1.0], [1, 3]),
            ([0.48478588061566424, -0.3333333333333333, 0.0, -2.666666666666666], [1, 3]),
            ([-0.14869796103822344, -0.3333333333333333, 0.0, -1.0], [1, 3]),
            ([-0.06175100812176975, -0.3333333333333333, 0.0, -2.333333333333333], [3]),
            ([6.129018288180837, 2.6666666666666665, 0.0, -1.333333333333333], [0, 1, 2, 3]),
            ([6.129018288180837, 0.0, 0.0, -2.6999999999999997], [1, 3]),
            ([0.8713934798659624, 0.0, 0.0, 0.0], [1, 3]),
            ([-0.19217498722099166, 0.6666666666666666, 0.0, -1.0], [0, 3]),
            ([0.0, 0.0, 0.0, 0.0], [1, 0, 3]),
            ([-0.11491168285341058, 2.0, 0.0, 0.0], [1, 3]),
            ([-0.11491168285341058, -0.6666666666666666, 0.0, 0.0], [3]),
            ([-0.1286065201340376, -0.6666666666666666, 0.0, 0.0], [0, 1, 3]),
            ([0.0, 0.0, 0.0, -0.9], [3]),
            ([6.288819787584483, 0.0, 0.0, 0.0], [2, 0, 1, 3]),
            ([-0.16464332367808257, 12.666666666666666, 0.0, 0.0], [0, 3]),
        ]);
}
