using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>The `automl` command itself, run as a separate process against the platform on a loopback port.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class CliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Training = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task cli_uploads_trains_past_the_gate_predicts_downloads_and_shows_credits()
    {
        var env = await NewUserEnvironmentAsync();

        var datasetId = await UploadAsync(env);

        var train = await AutomlAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --fail-under auc=0.5 --json", env, Training);
        Assert.True(train.ExitCode == 0, Describe(train));
        var trained = JsonDocument.Parse(train.Stdout).RootElement;
        Assert.Equal("succeeded", trained.GetProperty("job").GetProperty("status").GetString());
        var modelId = trained.GetProperty("model").GetProperty("id").GetGuid();
        Assert.True(trained.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.True(trained.GetProperty("gate").GetProperty("score").GetDouble() >= 0.5);

        var input = Path.Combine(work.FullName, "rows.csv");
        var rows = File.ReadLines(Data.File("pima_diabetes.csv")).Take(6).ToList();
        // The features only: the target column (the last) is what the model predicts.
        await File.WriteAllLinesAsync(input, rows.Select(r => r[..r.LastIndexOf(',')]));
        var predictions = Path.Combine(work.FullName, "preds.csv");
        var predict = await AutomlAsync($"predict --model {modelId} --input \"{input}\" --output \"{predictions}\"", env, Quick);
        Assert.True(predict.ExitCode == 0, Describe(predict));
        var written = File.ReadAllLines(predictions);
        Assert.StartsWith("prediction,", written[0], StringComparison.Ordinal);
        Assert.Equal(rows.Count - 1, written.Length - 1);
        Assert.All(written.Skip(1), line => Assert.Contains(line.Split(',')[0], new[] { "pos", "neg" }));

        var bundle = Path.Combine(work.FullName, "model.zip");
        var download = await AutomlAsync($"models download --model {modelId} --output \"{bundle}\" --json", env, Quick);
        Assert.True(download.ExitCode == 0, Describe(download));
        var bytes = File.ReadAllBytes(bundle);
        Assert.Equal(JsonDocument.Parse(download.Stdout).RootElement.GetProperty("bytes").GetInt64(), bytes.Length);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]); // a zip

        var credits = await AutomlAsync("credits --json", env, Quick);
        Assert.True(credits.ExitCode == 0, Describe(credits));
        var balance = JsonDocument.Parse(credits.Stdout).RootElement;
        Assert.Equal(0, balance.GetProperty("held").GetInt64());
        Assert.True(balance.GetProperty("available").GetInt64() < 100, "the training was charged from the sign-up credits");
    }

    [Fact]
    public async Task cli_train_exits_7_when_the_model_scores_below_fail_under()
    {
        var env = await NewUserEnvironmentAsync();
        var datasetId = await UploadAsync(env);

        var train = await AutomlAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --fail-under auc=0.999 --json", env, Training);

        Assert.True(train.ExitCode == 7, Describe(train));
        var gate = JsonDocument.Parse(train.Stdout).RootElement.GetProperty("gate");
        Assert.False(gate.GetProperty("passed").GetBoolean());
        Assert.True(gate.GetProperty("score").GetDouble() < 0.999);
        Assert.Equal("auc", gate.GetProperty("metric").GetString());
    }

    [Fact]
    public async Task cli_download_of_an_unknown_model_exits_1_and_leaves_no_file()
    {
        var env = await NewUserEnvironmentAsync();
        var bundle = Path.Combine(work.FullName, "missing.zip");

        var download = await AutomlAsync($"models download --model {Guid.NewGuid()} --output \"{bundle}\" --json", env, Quick);

        Assert.True(download.ExitCode == 1, Describe(download));
        Assert.Equal(1, JsonDocument.Parse(download.Stdout).RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
        Assert.Empty(work.GetFiles("missing.zip*"));
    }

    [Fact]
    public async Task cli_login_shows_the_keys_scope_and_a_read_key_cannot_train()
    {
        var env = await NewUserEnvironmentAsync(ApiKeyScopes.Read);

        var login = await AutomlAsync("login --json", env, Quick);
        Assert.True(login.ExitCode == 0, Describe(login));
        Assert.Equal("read", JsonDocument.Parse(login.Stdout).RootElement.GetProperty("key").GetProperty("scope").GetString());

        var train = await AutomlAsync($"train --dataset {Guid.NewGuid()} --target y --budget 10 --json", env, Quick);
        Assert.True(train.ExitCode == 3, Describe(train));
        Assert.Contains("'train' scope", JsonDocument.Parse(train.Stdout).RootElement.GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task cli_lists_models_as_a_table_filters_them_and_shows_one_with_metrics_ensemble_and_features()
    {
        var env = await NewUserEnvironmentAsync();
        var datasetId = await UploadAsync(env);
        var train = await AutomlAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --json", env, Training);
        Assert.True(train.ExitCode == 0, Describe(train));
        var modelId = JsonDocument.Parse(train.Stdout).RootElement.GetProperty("model").GetProperty("id").GetGuid();

        var table = await AutomlAsync("models list", env, Quick);
        Assert.True(table.ExitCode == 0, Describe(table));
        Assert.True(table.Stdout.Contains(modelId.ToString(), StringComparison.Ordinal), table.Stdout);
        Assert.Contains("pima_diabetes.csv", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("diabetes", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("binary", table.Stdout, StringComparison.Ordinal);

        var listed = await AutomlAsync($"models list --task binary --dataset {datasetId} --sort score --json", env, Quick);
        Assert.True(listed.ExitCode == 0, Describe(listed));
        var models = JsonDocument.Parse(listed.Stdout).RootElement;
        Assert.Equal(modelId, models.EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal("auc", models[0].GetProperty("metric").GetString());
        var none = await AutomlAsync("models list --task regression --json", env, Quick);
        Assert.Equal(0, JsonDocument.Parse(none.Stdout).RootElement.GetArrayLength());
        var badSort = await AutomlAsync("models list --sort accuracy", env, Quick);
        Assert.NotEqual(0, badSort.ExitCode);

        var shown = await AutomlAsync($"models show {modelId}", env, Quick);
        Assert.True(shown.ExitCode == 0, Describe(shown));
        Assert.Contains("predicts diabetes (binary)", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Validation metrics", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ensemble", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Top features", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("glucose", shown.Stdout, StringComparison.Ordinal);

        var json = await AutomlAsync($"models show {modelId} --json", env, Quick);
        Assert.True(json.ExitCode == 0, Describe(json));
        var model = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(1.0, model.GetProperty("ensemble").EnumerateArray().Sum(m => m.GetProperty("weight").GetDouble()), 6);

        var missing = await AutomlAsync($"models show {Guid.NewGuid()} --json", env, Quick);
        Assert.True(missing.ExitCode == 1, Describe(missing));
    }

    private async Task<Guid> UploadAsync(IDictionary<string, string> env)
    {
        var upload = await AutomlAsync($"datasets upload \"{Data.File("pima_diabetes.csv")}\" --wait --json", env, Quick);
        Assert.True(upload.ExitCode == 0, Describe(upload));
        var dataset = JsonDocument.Parse(upload.Stdout).RootElement;
        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        return dataset.GetProperty("id").GetGuid();
    }

    private async Task<Dictionary<string, string>> NewUserEnvironmentAsync(string? scope = null) => new()
    {
        ["AUTOML_URL"] = platform.Address.ToString(),
        ["AUTOML_API_KEY"] = await platform.NewApiKeyAsync(scope),
        // No saved login of the machine's user can leak in.
        ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
    };

    private Task<Shell.Result> AutomlAsync(string arguments, IDictionary<string, string> env, TimeSpan timeout) =>
        Shell.RunAsync("dotnet", $"\"{CliAssembly}\" {arguments}", work.FullName, env, timeout);

    /// <summary>The CLI as built with these tests (the test project builds it, in the same configuration).</summary>
    private static string CliAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(Data.RepositoryRoot, "src", "Cli", "bin", configuration, "net10.0", "AutoMl.Cli.dll");
            Assert.True(File.Exists(path), $"{path} is missing: build src/Cli in {configuration}.");
            return path;
        }
    }

    private static string Describe(Shell.Result result) => $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}";

    public void Dispose() => work.Delete(recursive: true);
}
