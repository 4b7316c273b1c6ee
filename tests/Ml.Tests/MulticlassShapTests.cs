using AutoMl.Ml.Columns;
using AutoMl.Ml.Explain;
using AutoMl.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Tests;

public class MulticlassShapTests
{
    [Fact]
    public async Task lightgbm_multiclass_shap_per_class_reproduces_every_class_probability()
    {
        var ingest = await TestData.IngestAsync(TestData.File("penguins.csv"));
        var prepared = await PreparedData.LoadAsync(new TrainingRequest { DataPath = ingest.ParquetPath, Target = "species", Budget = TimeSpan.FromSeconds(1) }, default);
        var data = prepared.Data;
        var config = new TrialConfig(Learner.LightGbm, new Dictionary<string, double> { ["iterations"] = 40, ["leaves"] = 8, ["minChildSamples"] = 5, ["learningRate"] = 0.1 });
        var model = new LearnerFactory(new MLContext(0), 1, 0).Fit(data, config, Enumerable.Range(0, data.Rows).ToArray(), null);
        var transformer = Assert.Single(model.Transformers);
        var probabilities = transformer.Transform(new FeatureDataView(data.Features, null, null, LabelKind.None, data.ClassCount)).GetColumn<float[]>("Score").ToArray();
        var perClass = TreeExtractor.Extract(transformer, data.Features);
        Assert.NotNull(perClass);
        Assert.Equal(data.ClassCount, perClass.Count);
        var x = new float[data.Features.FeatureCount];

        foreach (var row in Enumerable.Range(0, 25).Select(i => i * data.Rows / 25))
        {
            data.Features.CopyRow(row, x);
            var raw = perClass.Select(e => e.Shap(x, x.Length).Sum() + e.ExpectedValue()).ToArray();
            var max = raw.Max();
            var total = raw.Sum(r => Math.Exp(r - max));
            for (var k = 0; k < raw.Length; k++)
            {
                Assert.Equal(probabilities[row][k], Math.Exp(raw[k] - max) / total, 1e-4);
            }
        }
    }

    [Theory]
    [InlineData(Learner.LightGbm)]
    [InlineData(Learner.FastForest)]
    public async Task a_multiclass_tree_model_explains_the_predicted_class_and_ranks_its_features(Learner learner)
    {
        var result = await Trained.TrainAsync("penguins.csv", "species", [learner], maxTrials: 2);
        var rows = await Trained.RowsAsync("penguins.csv", 5);

        Assert.True(result.Bundle.CanExplain, $"{learner} multiclass cannot explain");
        foreach (var row in rows)
        {
            Assert.NotNull(result.Bundle.Predict(row, explain: true).Shap);
        }

        Assert.NotEmpty(result.Importance);
        Assert.Equal(1.0, result.Importance.Sum(i => i.Share), 6);
    }
}
