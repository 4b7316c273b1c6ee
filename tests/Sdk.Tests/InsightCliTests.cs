using System.Text.Json;
using AutoMl.Sdk.Tests.Support;
using AutoMl.Testing;

namespace AutoMl.Sdk.Tests;

/// <summary>Associations and feature effects through the SDK, `automl datasets associations` and `automl models effects`.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class InsightCliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task the_sdk_and_the_cli_show_a_data_sets_associations_and_a_models_partial_dependence_and_shap_summary()
    {
        var key = await platform.NewApiKeyAsync();
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });
        using var file = new MemoryStream(MonotonePrices.Csv());
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadAsync(file, "flats.csv")).Id);

        var associations = await client.Datasets.GetAssociationsAsync(dataset.Id);
        Assert.Contains("size_m2", associations.Columns);
        var copy = Assert.Single(associations.Pairs, p => (p.A, p.B, p.Measure) == ("size", "size_m2", "pearson"));
        Assert.InRange(copy.Value, 0.999, 1);
        Assert.InRange(Assert.Single(associations.Pairs, p => (p.A, p.B) == ("price", "price_band")).Value, 0.9, 1);

        var job = await client.Jobs.WaitForCompletionAsync((await client.Jobs.SubmitAsync(new JobRequest
        {
            DatasetId = dataset.Id,
            Target = "price",
            BudgetSeconds = 10,
            ExcludedColumns = ["price_band", "size_m2"],
        })).Id);
        Assert.Equal(JobStatuses.Succeeded, job.Status);
        var effects = await client.Models.GetEffectsAsync(job.ModelId!.Value);
        Assert.Null(effects.OutputClass);
        var size = Assert.Single(effects.PartialDependence, p => p.Feature == "size");
        Assert.True(size.Average.Zip(size.Average.Skip(1)).All(a => a.Second >= a.First), "the price rises with the size");
        Assert.Equal(size.Grid.Count, size.Ice[0].Count);
        Assert.Equal(["blue", "green", "red"], Assert.Single(effects.PartialDependence, p => p.Feature == "colour").Levels!.Order(StringComparer.Ordinal));
        Assert.NotEmpty(Assert.Single(effects.ShapSummary, s => s.Feature == "size").Points);

        var env = new Dictionary<string, string>
        {
            ["AUTOML_URL"] = platform.Address.ToString(),
            ["AUTOML_API_KEY"] = key,
            ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
        };
        var table = await MustAsync($"datasets associations {dataset.Id} --top 3", env);
        Assert.Contains("size_m2", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("pearson", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("measures among 7 columns", table.Stdout, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await MustAsync($"datasets associations {dataset.Id} --json", env)).Stdout).RootElement;
        Assert.Equal(associations.Pairs.Count, json.GetProperty("pairs").GetArrayLength());

        var shown = await MustAsync($"models effects {job.ModelId}", env);
        Assert.Contains("the predicted value as each feature changes", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("SHAP summary", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("size", shown.Stdout, StringComparison.Ordinal);
        var document = JsonDocument.Parse((await MustAsync($"models effects {job.ModelId} --json", env)).Stdout).RootElement;
        Assert.Contains(document.GetProperty("partialDependence").EnumerateArray(), p => p.GetProperty("feature").GetString() == "size");

        var missing = await AutomlProcess.RunAsync($"models effects {Guid.NewGuid()}", env, work.FullName, Quick);
        Assert.True(missing.ExitCode != 0, AutomlProcess.Describe(missing));
        Assert.Contains("No model with this id", missing.Stderr, StringComparison.Ordinal);
    }

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env)
    {
        var result = await AutomlProcess.RunAsync(arguments, env, work.FullName, Quick);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{AutomlProcess.Describe(result)}");
        return result;
    }

    public void Dispose() => work.Delete(recursive: true);
}
