using AutoMl.Ml.Columns;
using AutoMl.Ml.Explain;
using AutoMl.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Tests;

[Collection(Trained.Collection)]
public class ShapTests(Trained trained)
{
    private static async Task<TrainingData> PrepareAsync(string file, string target)
    {
        var ingest = await TestData.IngestAsync(TestData.File(file));
        var prepared = await PreparedData.LoadAsync(new TrainingRequest { DataPath = ingest.ParquetPath, Target = target, Budget = TimeSpan.FromSeconds(1) }, default);
        return prepared.Data;
    }

    /// <summary>Fits one model, then checks SHAP + expected value against the Score column ML.NET itself computes.</summary>
    private static void AssertShapAddsUpToTheRawScore(TrainingData data, TrialConfig config)
    {
        var rows = Enumerable.Range(0, data.Rows).ToArray();
        var model = new LearnerFactory(new MLContext(0), 1, 0).Fit(data, config, rows, null);
        var transformer = model.Transformers[0];
        var scores = transformer.Transform(new FeatureDataView(data.Features, null, null, LabelKind.None)).GetColumn<float>("Score").ToArray();
        var ensemble = Assert.Single(TreeExtractor.Extract(transformer, data.Features)!);
        var expected = ensemble.ExpectedValue();
        var x = new float[data.Features.FeatureCount];

        foreach (var row in Enumerable.Range(0, 25).Select(i => i * data.Rows / 25))
        {
            data.Features.CopyRow(row, x);
            var shap = ensemble.Shap(x, x.Length);
            Assert.Equal(scores[row], shap.Sum() + expected, 1e-4);
            Assert.Equal(scores[row], ensemble.RawScore(x), 1e-4);
        }
    }

    [Fact]
    public async Task lightgbm_regression_shap_plus_expected_value_equals_the_raw_score()
    {
        var data = await PrepareAsync("boston.csv", "medv");

        AssertShapAddsUpToTheRawScore(data, new TrialConfig(Learner.LightGbm, new Dictionary<string, double>
        {
            ["iterations"] = 60,
            ["leaves"] = 15,
            ["minChildSamples"] = 5,
            ["learningRate"] = 0.1,
        }));
    }

    [Fact]
    public async Task lightgbm_binary_shap_plus_expected_value_equals_the_log_odds_score()
    {
        var data = await PrepareAsync("pima_diabetes.csv", "diabetes");

        AssertShapAddsUpToTheRawScore(data, new TrialConfig(Learner.LightGbm, new Dictionary<string, double>
        {
            ["iterations"] = 80,
            ["leaves"] = 31,
            ["minChildSamples"] = 10,
            ["learningRate"] = 0.05,
            ["featureFraction"] = 0.7,
        }));
    }

    [Fact]
    public async Task depth_limited_lightgbm_shap_plus_expected_value_equals_the_raw_score()
    {
        var data = await PrepareAsync("pima_diabetes.csv", "diabetes");

        AssertShapAddsUpToTheRawScore(data, new TrialConfig(Learner.LightGbm, new Dictionary<string, double>
        {
            ["iterations"] = 50,
            ["leaves"] = 64,
            ["minChildSamples"] = 1,
            ["learningRate"] = 0.3,
            ["l2"] = 1,
            [Portfolio.MaxDepth] = 4,
            [Portfolio.MinChildWeight] = 1,
        }));
    }

    [Fact]
    public async Task fastforest_shap_plus_expected_value_equals_the_forest_average()
    {
        var regression = await PrepareAsync("concrete.csv", "compressive_strength");
        var binary = await PrepareAsync("sonar.csv", "Class");
        var forest = new TrialConfig(Learner.FastForest, new Dictionary<string, double>
        {
            ["trees"] = 40,
            ["leaves"] = 32,
            ["minChildSamples"] = 2,
            ["featureFraction"] = 0.5,
        });

        AssertShapAddsUpToTheRawScore(regression, forest);
        AssertShapAddsUpToTheRawScore(binary, forest);
    }

    [Fact]
    public async Task fasttree_shap_plus_expected_value_equals_the_raw_score()
    {
        var data = await PrepareAsync("sonar.csv", "Class");

        AssertShapAddsUpToTheRawScore(data, new TrialConfig(Learner.FastTree, new Dictionary<string, double>
        {
            ["trees"] = 50,
            ["leaves"] = 8,
            ["minChildSamples"] = 5,
            ["learningRate"] = 0.1,
        }));
    }

    [Fact]
    public void tree_shap_is_exact_on_a_tree_that_splits_twice_on_one_feature()
    {
        // x0 <= 0.5 ? (x1 <= 0.5 ? 1 : 2) : (x0 <= 0.8 ? 3 : 4), covers 10/20/30/40.
        var tree = new ShapTree(
            left: [1, 3, 5, -1, -1, -1, -1],
            right: [2, 4, 6, -1, -1, -1, -1],
            feature: [0, 1, 0, 0, 0, 0, 0],
            threshold: [0.5f, 0.5f, 0.8f, 0, 0, 0, 0],
            value: [0, 0, 0, 1, 2, 3, 4],
            cover: [100, 30, 70, 10, 20, 30, 40],
            weight: 1);
        var ensemble = new ShapEnsemble([tree], 0, 1);
        float[] x = [0.9f, 0.1f];

        var shap = ensemble.Shap(x, 2);

        // Brute force over the subsets, with the cover-weighted expectation for unknown features:
        // v({}) = 3, v({x0}) = 4, v({x1}) = 0.3 × 1 + 0.7 × (30 × 3 + 40 × 4) / 70 = 2.8, v({x0, x1}) = 4.
        Assert.Equal(3, ensemble.ExpectedValue(), 10);
        Assert.Equal(((4 - 3) + (4 - 2.8)) / 2, shap[0], 10);
        Assert.Equal(((2.8 - 3) + (4 - 4)) / 2, shap[1], 10);
    }

    [Fact]
    public async Task explained_predictions_add_up_to_the_prediction_of_a_tree_ensemble()
    {
        var result = await trained.Boston;
        var rows = await Trained.RowsAsync("boston.csv", 10);

        foreach (var row in rows)
        {
            var prediction = result.Bundle.Predict(row, explain: true);
            Assert.NotNull(prediction.Shap);
            Assert.Equal(prediction.Value!.Value, prediction.Shap!.Values.Sum() + prediction.ShapExpectedValue!.Value, 1e-3);
        }

        Assert.Contains(result.Importance.Take(3), i => i.Column is "lstat" or "rm");
        Assert.Equal(1.0, result.Importance.Sum(i => i.Share), 6);
    }
}
