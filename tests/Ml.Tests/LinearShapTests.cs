using AutoMl.Ml.Columns;
using AutoMl.Ml.Explain;
using AutoMl.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Tests;

public class LinearShapTests
{
    private static readonly TrialConfig Linear = new(Learner.Linear, new Dictionary<string, double> { ["l2"] = 0.5, ["l1"] = 0 });

    private static async Task<TrainingData> PrepareAsync(string file, string target)
    {
        var ingest = await TestData.IngestAsync(TestData.File(file));
        var prepared = await PreparedData.LoadAsync(new TrainingRequest { DataPath = ingest.ParquetPath, Target = target, Budget = TimeSpan.FromSeconds(1) }, default);
        return prepared.Data;
    }

    private static double[] Means(TrainingData data) => data.Features.Columns.Select(c => c.Take(data.Rows).Average(v => (double)v)).ToArray();

    private static (LinearExplainer Explainer, IDataView Scored) Fit(TrainingData data)
    {
        var model = new LearnerFactory(new MLContext(0), 1, 0).Fit(data, Linear, Enumerable.Range(0, data.Rows).ToArray(), null);
        var transformer = Assert.Single(model.Transformers);
        var explainer = LinearExplainer.TryExtract(transformer, Means(data));
        Assert.NotNull(explainer);
        return (explainer, transformer.Transform(new FeatureDataView(data.Features, null, null, LabelKind.None, data.ClassCount)));
    }

    private static IEnumerable<int> SomeRows(TrainingData data) => Enumerable.Range(0, 25).Select(i => i * data.Rows / 25);

    [Theory]
    [InlineData("pima_diabetes.csv", "diabetes")]
    [InlineData("boston.csv", "medv")]
    public async Task linear_shap_plus_expected_value_equals_the_raw_score(string file, string target)
    {
        var data = await PrepareAsync(file, target);
        var (explainer, scored) = Fit(data);
        var scores = scored.GetColumn<float>("Score").ToArray();
        var x = new float[data.Features.FeatureCount];

        foreach (var row in SomeRows(data))
        {
            data.Features.CopyRow(row, x);
            Assert.Equal(scores[row], explainer.Shap(x, 0).Sum() + explainer.ExpectedValue(0), 1e-3);
        }
    }

    [Fact]
    public async Task multiclass_linear_shap_reproduces_every_class_probability()
    {
        var data = await PrepareAsync("penguins.csv", "species");
        var (explainer, scored) = Fit(data);
        var probabilities = scored.GetColumn<float[]>("Score").ToArray();
        var x = new float[data.Features.FeatureCount];
        Assert.Equal(data.ClassCount, explainer.Outputs);

        foreach (var row in SomeRows(data))
        {
            data.Features.CopyRow(row, x);
            var raw = Enumerable.Range(0, data.ClassCount).Select(k => explainer.Shap(x, k).Sum() + explainer.ExpectedValue(k)).ToArray();
            var max = raw.Max();
            var total = raw.Sum(r => Math.Exp(r - max));
            for (var k = 0; k < data.ClassCount; k++)
            {
                Assert.Equal(probabilities[row][k], Math.Exp(raw[k] - max) / total, 1e-4);
            }
        }
    }

    [Fact]
    public async Task a_tree_model_is_not_read_as_linear()
    {
        var forest = new TrialConfig(Learner.FastForest, new Dictionary<string, double> { ["trees"] = 5, ["leaves"] = 4 });
        var data = await PrepareAsync("boston.csv", "medv");
        var model = new LearnerFactory(new MLContext(0), 1, 0).Fit(data, forest, Enumerable.Range(0, data.Rows).ToArray(), null);

        Assert.Null(LinearExplainer.TryExtract(model.Transformers[0], Means(data)));
    }

    [Fact]
    public async Task a_linear_only_model_explains_its_predictions_and_ranks_its_features()
    {
        var result = await Trained.TrainAsync("boston.csv", "medv", [Learner.Linear], maxTrials: 3);
        var rows = await Trained.RowsAsync("boston.csv", 10);

        Assert.True(result.Bundle.CanExplain);
        foreach (var row in rows)
        {
            var prediction = result.Bundle.Predict(row, explain: true);
            Assert.NotNull(prediction.Shap);
            Assert.Equal(prediction.Value!.Value, prediction.Shap!.Values.Sum() + prediction.ShapExpectedValue!.Value, 1e-3);
        }

        Assert.NotEmpty(result.Importance);
        Assert.Equal(1.0, result.Importance.Sum(i => i.Share), 6);
        Assert.Contains(result.Importance.Take(4), i => i.Column is "lstat" or "rm");
    }
}
