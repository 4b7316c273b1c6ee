using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>A binary model's decision threshold through the SDK (SetThresholdAsync, ClearThresholdAsync, typed curves) and `automl models threshold`.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class ThresholdCliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task the_sdk_sets_a_threshold_the_predictions_follow_and_reads_the_typed_curves()
    {
        var key = await platform.NewApiKeyAsync();
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });
        var id = await TrainedPima.CopyAsync(platform, client);

        var model = await client.Models.GetAsync(id);
        Assert.Equal((0.5, "default"), (model.Threshold!.Value, model.Threshold.Objective));
        var curves = model.ReadCurves();
        Assert.InRange(curves.Thresholds!.Count, 10, 200);
        Assert.Contains(curves.Thresholds, t => t.Threshold == 0.5);
        Assert.Equal(1.0, curves.Gains![^1].Gain, 9);
        Assert.Equal(768, curves.Calibration!.Sum(b => b.Count));
        Assert.NotEmpty(curves.Roc!);
        Assert.Null(curves.PerClass);

        var chosen = await client.Models.SetThresholdAsync(id, ThresholdChoice.RecallAtLeast(0.9));
        var threshold = chosen.Threshold!;
        Assert.Equal(("recall", 0.9), (threshold.Objective, threshold.Target));
        Assert.True(threshold.Recall >= 0.9, $"recall {threshold.Recall}");
        Assert.True(threshold.Value < 0.5, $"recall 0.9 should need less than 0.5, got {threshold.Value}");
        var predictions = await client.Models.PredictAsync(id, PimaRows.Features(200).Select(r => (IReadOnlyDictionary<string, object?>)r));
        Assert.All(predictions, p => Assert.Equal(p.Probabilities!["pos"] >= threshold.Value ? "pos" : "neg", p.Label));
        Assert.Contains(predictions, p => p.Probabilities!["pos"] < 0.5 && p.Label == "pos");

        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Models.SetThresholdAsync(id, ThresholdChoice.Value(1.5)));
        Assert.Contains("above 0 and below 1", refused.Detail, StringComparison.Ordinal);
        var cleared = await client.Models.ClearThresholdAsync(id);
        Assert.Equal((0.5, "default"), (cleared.Threshold!.Value, cleared.Threshold.Objective));
    }

    [Fact]
    public async Task the_cli_shows_sets_and_clears_a_threshold()
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

        var shown = await MustAsync($"models threshold {id}", env);
        Assert.Contains("Threshold 0.5 (the default)", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("precision", shown.Stdout, StringComparison.Ordinal);

        var byValue = JsonDocument.Parse((await MustAsync($"models threshold {id} --value 0.4 --json", env)).Stdout).RootElement;
        Assert.Equal(0.4, byValue.GetProperty("value").GetDouble());
        Assert.Equal("value", byValue.GetProperty("objective").GetString());
        Assert.Equal(0.4, (await client.Models.GetAsync(id)).Threshold!.Value);

        var costly = await MustAsync($"models threshold {id} --cost-fp 1 --cost-fn 5", env);
        Assert.Contains("least cost: a false positive 1, a false negative 5", costly.Stdout, StringComparison.Ordinal);
        var f1 = JsonDocument.Parse((await MustAsync($"models threshold {id} --max-f1 --json", env)).Stdout).RootElement;
        Assert.Equal("max-f1", f1.GetProperty("objective").GetString());
        Assert.Contains($"decision threshold {f1.GetProperty("value").GetDouble().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} (max-f1)",
            (await MustAsync($"models show {id}", env)).Stdout, StringComparison.Ordinal);

        var both = await AutomlProcess.RunAsync($"models threshold {id} --value 0.4 --max-f1", env, work.FullName, Quick);
        Assert.True(both.ExitCode == 2, AutomlProcess.Describe(both));
        var oneCost = await AutomlProcess.RunAsync($"models threshold {id} --cost-fp 1", env, work.FullName, Quick);
        Assert.True(oneCost.ExitCode == 2, AutomlProcess.Describe(oneCost));
        var outOfRange = await AutomlProcess.RunAsync($"models threshold {id} --value 1.5", env, work.FullName, Quick);
        Assert.True(outOfRange.ExitCode == 1, AutomlProcess.Describe(outOfRange));
        Assert.Contains("above 0 and below 1", outOfRange.Stderr, StringComparison.Ordinal);
        Assert.Equal(f1.GetProperty("value").GetDouble(), (await client.Models.GetAsync(id)).Threshold!.Value);

        var cleared = JsonDocument.Parse((await MustAsync($"models threshold {id} --clear --json", env)).Stdout).RootElement;
        Assert.Equal(0.5, cleared.GetProperty("value").GetDouble());
    }

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env)
    {
        var result = await AutomlProcess.RunAsync(arguments, env, work.FullName, Quick);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{AutomlProcess.Describe(result)}");
        return result;
    }

    public void Dispose() => work.Delete(recursive: true);
}
