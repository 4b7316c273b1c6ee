using System.Globalization;
using System.Text;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

public class LogTargetTests
{
    /// <summary>Prices: multiplicative in two features, from about 30 to about 30,000, with noise proportional to the price.</summary>
    private static string Prices(int rows)
    {
        var random = new Random(11);
        var csv = new StringBuilder("size,quality,colour,price\n");
        for (var i = 0; i < rows; i++)
        {
            var size = random.NextDouble() * 4;
            var quality = random.Next(1, 6);
            var price = Math.Exp(3.5 + 1.4 * size + 0.3 * quality + (random.NextDouble() - 0.5) * 0.2);
            csv.Append(CultureInfo.InvariantCulture, $"{size:0.####},{quality},{(random.Next(2) == 0 ? "red" : "blue")},{price:0.##}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public void only_a_positive_target_spread_over_an_order_of_magnitude_gets_log_twins()
    {
        Assert.True(Portfolio.SuitsLogTarget(Schema.TaskKind.Regression, [30, 300, 3000]));
        Assert.False(Portfolio.SuitsLogTarget(Schema.TaskKind.Regression, [30, 40, 250]));
        Assert.False(Portfolio.SuitsLogTarget(Schema.TaskKind.Regression, [0, 30, 3000]));
        Assert.False(Portfolio.SuitsLogTarget(Schema.TaskKind.Binary, [1, 100]));

        var twins = Portfolio.WithLogTwins(Portfolio.For(Schema.TaskKind.Regression, 5000, 2)).ToList();
        Assert.Equal(3, twins.Count(c => c.Get(Portfolio.LogTarget, 0) == 1));
        Assert.All(twins.Where(c => c.Get(Portfolio.LogTarget, 0) == 1), t => Assert.Equal(Learner.LightGbm, t.Learner));
    }

    [Fact]
    public async Task a_model_of_the_log_predicts_prices_and_its_shap_still_adds_up_to_the_prediction()
    {
        var ingest = await TestData.IngestTextAsync(Prices(1500));
        var result = await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = ingest.ParquetPath,
            Target = "price",
            Budget = Trained.CountedTrialsBudget,
            MaxTrials = 8,
            Learners = [Learner.LightGbm],
        });
        var frame = await ProcessedParquet.LoadAsync(ingest.ParquetPath);

        Assert.Contains(result.Bundle.Manifest.Members, m => m.Output == OutputKind.LogRegression && m.Weight > 0);
        foreach (var row in new[] { 5, 600, 1400 })
        {
            var cells = frame.Columns.Where(c => c.Name != "price").ToDictionary(c => c.Name, c => c.ValueAt(row));
            var prediction = result.Bundle.Predict(cells, explain: true);
            var actual = frame["price"].Numbers![row];
            Assert.InRange(prediction.Value!.Value, actual * 0.75, actual * 1.25);
            Assert.Equal(prediction.Value.Value, prediction.Shap!.Values.Sum() + prediction.ShapExpectedValue!.Value, 1e-3 * Math.Max(1, prediction.Value.Value));
        }

        // Online and batch prediction agree: both take the exponential of the log model's score.
        var batch = result.Bundle.Predict(frame);
        var online = result.Bundle.Predict(frame.Columns.Where(c => c.Name != "price").ToDictionary(c => c.Name, c => c.ValueAt(42)));
        Assert.Equal(batch[42].Value!.Value, online.Value!.Value, 6);

        // So does the ONNX export, which takes the exponential in the graph.
        var rows = Enumerable.Range(0, 40).Select(i => (IReadOnlyDictionary<string, object?>)frame.Columns.Where(c => c.Name != "price")
            .ToDictionary(c => c.Name, c => c.ValueAt(i * 37))).ToList();
        var onnx = OnnxExportTests.Run(result.Bundle.ToOnnx(), result.Bundle, rows, "value");
        var expected = result.Bundle.Predict(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.True(Math.Abs(expected[i].Value!.Value - onnx[i][0]) <= 1e-5 * expected[i].Value!.Value, $"row {i}: {expected[i].Value} vs {onnx[i][0]}");
        }
    }
}
