using System.Net;
using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>A model evaluated on your own labelled data (issue 29) through the SDK and `automl evaluate`.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class EvaluationCliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task the_sdk_evaluates_a_file_and_a_data_set_and_reads_the_metrics_beside_validation()
    {
        var key = await platform.NewApiKeyAsync();
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });
        var id = await TrainedPima.CopyAsync(platform, client);
        var model = await client.Models.GetAsync(id);
        var file = LabelledFile(100);

        var started = await client.Models.EvaluateFileAsync(id, file);
        var done = await client.Models.WaitForEvaluationAsync(id, started.Id);

        Assert.Equal(JobStatuses.Succeeded, done.Status);
        Assert.Equal(100, done.Rows);
        Assert.Equal(0, done.SkippedRows);
        Assert.Equal(0.5, done.Threshold);
        var auc = Assert.Single(done.Comparison!, m => m.Metric == "auc");
        Assert.Equal(model.Metrics.GetProperty("auc").GetDouble(), auc.Validation);
        Assert.Equal(done.Metrics!["auc"], auc.Evaluation);
        Assert.True(auc.HigherIsBetter);
        Assert.NotEmpty(done.Curves!.Roc!);
        Assert.Equal(100, done.Curves.Confusion!.Counts.Sum(r => r.Sum()));
        Assert.True(done.ChargedCredits >= 1);

        var quote = await client.Models.QuoteEvaluationAsync(id, done.DatasetId);
        Assert.Equal((100L, done.HeldCredits), (quote.Rows, quote.Credits));
        Assert.Empty(quote.MissingColumns);
        Assert.Null(quote.Problem);
        var again = await client.Models.WaitForEvaluationAsync(id, (await client.Models.EvaluateAsync(id, done.DatasetId)).Id);
        Assert.Equal(done.Metrics["auc"], again.Metrics!["auc"]);
        var page = await client.Models.ListEvaluationsAsync(id);
        Assert.Equal([again.Id, done.Id], page.Items.Select(e => e.Id));
        Assert.Null(page.Items[0].Curves);
        Assert.Equal(done.Metrics["logLoss"], (await client.Models.GetEvaluationAsync(id, done.Id)).Metrics!["logLoss"]);

        var unlabelled = Path.Combine(work.FullName, "unlabelled.csv");
        await File.WriteAllLinesAsync(unlabelled, File.ReadAllLines(file).Select(l => l[..l.LastIndexOf(',')]));
        var refused = await Assert.ThrowsAsync<AutoMlValidationException>(() => client.Models.EvaluateFileAsync(id, unlabelled));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("'diabetes'", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_cli_evaluates_a_file_and_prints_each_metric_beside_validation()
    {
        var key = await platform.NewApiKeyAsync();
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });
        var id = await TrainedPima.CopyAsync(platform, client);
        var env = new Dictionary<string, string>
        {
            ["AUTOML_URL"] = platform.Address.ToString(),
            ["AUTOML_API_KEY"] = key,
            ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
        };
        var file = LabelledFile(120);

        var table = await MustAsync($"evaluate {id} --file {file} --wait", env);
        Assert.Contains("120 rows scored", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("your data", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("validation", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("auc", table.Stdout, StringComparison.Ordinal);

        var evaluation = (await client.Models.ListEvaluationsAsync(id)).Items.Single();
        var json = JsonDocument.Parse((await MustAsync($"evaluate {id} --dataset {evaluation.DatasetId} --wait --json", env)).Stdout).RootElement;
        Assert.Equal("succeeded", json.GetProperty("status").GetString());
        Assert.Equal(evaluation.Metrics!["auc"], json.GetProperty("metrics").GetProperty("auc").GetDouble());
        var queued = JsonDocument.Parse((await MustAsync($"evaluate {id} --dataset {evaluation.DatasetId} --json", env)).Stdout).RootElement;
        Assert.Equal(evaluation.HeldCredits, queued.GetProperty("heldCredits").GetInt64());

        var neither = await AutomlProcess.RunAsync($"evaluate {id}", env, work.FullName, Quick);
        Assert.True(neither.ExitCode == 2, AutomlProcess.Describe(neither));
        var stranger = await AutomlProcess.RunAsync($"evaluate {Guid.NewGuid()} --dataset {evaluation.DatasetId}", env, work.FullName, Quick);
        Assert.True(stranger.ExitCode == 1, AutomlProcess.Describe(stranger));
        Assert.Contains("No model with this id", stranger.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The last rows of the pima file, labels included.</summary>
    private string LabelledFile(int rows)
    {
        var lines = File.ReadAllLines(Data.File("pima_diabetes.csv"));
        var path = Path.Combine(work.FullName, $"pima_last_{rows}.csv");
        File.WriteAllLines(path, lines.Take(1).Concat(lines.TakeLast(rows)));
        return path;
    }

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env)
    {
        var result = await AutomlProcess.RunAsync(arguments, env, work.FullName, Quick);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{AutomlProcess.Describe(result)}");
        return result;
    }

    public void Dispose() => work.Delete(recursive: true);
}
