using System.Globalization;
using System.Text;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

public class GroupTotalTests
{
    private const string Total = "plan_day_cost + plan_eve_cost + plan_night_cost";

    /// <summary>
    /// A phone bill: three costs whose total decides the target, three call counts named alike that decide nothing,
    /// and a tenure column. Each cost alone says little; their total says nearly everything.
    /// </summary>
    private static string Bills(int rows, bool regression, int seed = 7)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("plan_day_cost,plan_eve_cost,plan_night_cost,plan_day_calls,plan_eve_calls,plan_night_calls,tenure,target\n");
        for (var i = 0; i < rows; i++)
        {
            var costs = new[] { random.NextDouble() * 50, random.NextDouble() * 50, random.NextDouble() * 50 };
            var total = costs.Sum() + (random.NextDouble() - 0.5) * 4;
            var target = regression ? total.ToString("0.###", CultureInfo.InvariantCulture) : total > 80 ? "yes" : "no";
            // Every 50th row misses its night cost, as exports of billing systems do.
            var night = i % 50 == 0 ? "" : costs[2].ToString("0.###", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{costs[0]:0.###},{costs[1]:0.###},{night},{random.Next(0, 120)},{random.Next(0, 120)},{random.Next(0, 120)},{random.Next(1, 200)},{target}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task alike_named_columns_whose_total_decides_the_target_become_one_feature_and_alike_noise_does_not()
    {
        var ingest = await TestData.IngestTextAsync(Bills(3000, regression: false));

        var prepared = await PreparedData.LoadAsync(new TrainingRequest { DataPath = ingest.ParquetPath, Target = "target", Budget = TimeSpan.FromSeconds(1) }, default);

        var names = prepared.Featurizer.Spec.FeatureNames;
        Assert.Contains(Total, names);
        Assert.DoesNotContain(names, n => n.Contains("calls +", StringComparison.Ordinal));
        Assert.Single(names, n => n.Contains('+', StringComparison.Ordinal));
    }

    [Fact]
    public void only_names_that_differ_in_one_word_form_a_group_of_three_or_more()
    {
        var groups = GroupTotals.Candidates(["total_day_charge", "total_eve_charge", "total_night_charge", "total_day_minutes", "age", "income", "x1", "x2", "x3"]);

        var group = Assert.Single(groups);
        Assert.Equal(["total_day_charge", "total_eve_charge", "total_night_charge"], group);
    }

    [Fact]
    public async Task a_total_counts_a_missing_member_as_its_median_the_same_online_as_in_training()
    {
        var ingest = await TestData.IngestTextAsync(Bills(3000, regression: false));
        var prepared = await PreparedData.LoadAsync(new TrainingRequest { DataPath = ingest.ParquetPath, Target = "target", Budget = TimeSpan.FromSeconds(1) }, default);
        var frame = await ProcessedParquet.LoadAsync(ingest.ParquetPath);
        var featurizer = prepared.Featurizer;
        var at = featurizer.Spec.FeatureNames.ToList().IndexOf(Total);
        var nightFill = featurizer.Spec.Columns.Single(c => c.Column == "plan_night_cost" && c.Encoding == FeatureEncoding.Number).Fill;

        var matrix = featurizer.Transform(frame);
        var online = new float[featurizer.FeatureCount];
        foreach (var row in new[] { 0, 1, 50, 1234 })
        {
            featurizer.TransformRow(frame.Columns.ToDictionary(c => c.Name, c => c.ValueAt(row)), online, out _);
            Assert.Equal(matrix.Columns[at][row], online[at], 3);
        }

        var day = frame["plan_day_cost"].Numbers![0];
        var eve = frame["plan_eve_cost"].Numbers![0];
        Assert.True(float.IsNaN(frame["plan_night_cost"].Numbers![0]));
        Assert.Equal(day + eve + nightFill, matrix.Columns[at][0], 3);
    }

    [Fact]
    public async Task shap_of_a_total_is_shared_among_its_members_and_the_columns_still_add_up_to_the_prediction()
    {
        var ingest = await TestData.IngestTextAsync(Bills(2500, regression: true));
        var result = await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = ingest.ParquetPath,
            Target = "target",
            Budget = Trained.CountedTrialsBudget,
            MaxTrials = 4,
            Learners = [Learner.LightGbm],
        });
        var frame = await ProcessedParquet.LoadAsync(ingest.ParquetPath);

        Assert.Contains(Total, result.Bundle.Manifest.Featurizer.FeatureNames);
        foreach (var row in new[] { 3, 400, 1700 })
        {
            var prediction = result.Bundle.Predict(frame.Columns.Where(c => c.Name != "target").ToDictionary(c => c.Name, c => c.ValueAt(row)), explain: true);
            Assert.NotNull(prediction.Shap);
            Assert.DoesNotContain(Total, prediction.Shap!.Keys);
            Assert.Equal(prediction.Value!.Value, prediction.Shap.Values.Sum() + prediction.ShapExpectedValue!.Value, 1e-3);
        }

        // The costs carry the prediction between them; the call counts and tenure carry next to nothing.
        var costs = result.Importance.Where(i => i.Column.EndsWith("_cost", StringComparison.Ordinal)).Sum(i => i.Share);
        Assert.True(costs > 0.9, $"the costs' share of importance is {costs:0.000}");
    }
}
