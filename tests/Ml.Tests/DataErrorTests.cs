using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

/// <summary>Data the engine cannot train on raises a DataException whose sentence a user can act on.</summary>
public class DataErrorTests
{
    private static async Task<DataException> TrainAsync(string csv, string target, Schema.TaskKind? task = null)
    {
        var data = (await TestData.IngestTextAsync(csv)).ParquetPath;
        return await Assert.ThrowsAsync<DataException>(() => AutoMlEngine.TrainAsync(
            new TrainingRequest { DataPath = data, Target = target, Task = task, Budget = TimeSpan.FromSeconds(5), MaxTrials = 1 }));
    }

    private static string Rows(int count, Func<int, string> row) => string.Concat(Enumerable.Range(0, count).Select(i => row(i) + "\n"));

    [Fact]
    public async Task a_target_with_one_class()
    {
        var error = await TrainAsync("x,label\n" + Rows(30, i => $"{i % 7},yes"), "label");
        Assert.Contains("'label' has the same value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task regression_of_a_text_target()
    {
        var error = await TrainAsync("x,colour\n" + Rows(30, i => $"{i},{(i % 2 == 0 ? "red" : "blue")}"), "colour", Schema.TaskKind.Regression);
        Assert.Contains("numeric target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task no_feature_left_beside_an_identifier()
    {
        var error = await TrainAsync("customer_id,churn\n" + Rows(60, i => $"{1000 + i},{(i % 3 == 0 ? "yes" : "no")}"), "churn");
        Assert.Contains("No column is left to learn from", error.Message, StringComparison.Ordinal);
    }
}
