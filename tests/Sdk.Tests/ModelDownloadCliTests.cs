using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoMl.Sdk.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace AutoMl.Sdk.Tests;

/// <summary>Issue 29: a model downloads as ONNX through the SDK and `automl models download ID --format onnx`, or says why not.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class ModelDownloadCliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task the_sdk_and_the_cli_download_onnx_and_the_bundle_and_name_why_a_date_model_has_no_onnx()
    {
        var key = await platform.NewApiKeyAsync();
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });
        var pima = await TrainAsync(client, File.ReadAllBytes(Data.File("pima_diabetes.csv")), "pima.csv", "diabetes");
        Assert.True((await client.Models.GetAsync(pima)).Export.Onnx);
        using var onnx = new MemoryStream();
        await client.Models.DownloadAsync(pima, ModelDownloadFormat.Onnx, onnx);
        using (var session = new InferenceSession(onnx.ToArray()))
        {
            Assert.Equal(["probability"], session.OutputMetadata.Keys);
            Assert.Contains("glucose", session.InputMetadata.Keys);
        }

        var env = new Dictionary<string, string>
        {
            ["AUTOML_URL"] = platform.Address.ToString(),
            ["AUTOML_API_KEY"] = key,
            ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
        };
        var json = JsonDocument.Parse((await MustAsync($"models download {pima} --format onnx --json", env)).Stdout).RootElement;
        Assert.Equal("onnx", json.GetProperty("format").GetString());
        var written = json.GetProperty("output").GetString()!;
        Assert.Equal($"model-{pima:N}.onnx", Path.GetFileName(written));
        Assert.Equal(onnx.ToArray(), await File.ReadAllBytesAsync(written));
        var bundle = Path.Combine(work.FullName, "pima.automl");
        await MustAsync($"models download {pima} --output \"{bundle}\"", env);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(bundle))[..2]);

        var csv = new StringBuilder("signed_up,visits,plan\n");
        for (var i = 0; i < 120; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2025-{1 + i % 12:00}-{1 + i % 28:00},{i % 17},{(i % 17 > 8 ? "pro" : "free")}\n");
        }
        var dated = await TrainAsync(client, Encoding.UTF8.GetBytes(csv.ToString()), "plans.csv", "plan");
        var export = (await client.Models.GetAsync(dated)).Export;
        Assert.False(export.Onnx);
        Assert.Contains("the column signed_up is a date", export.OnnxRefusal, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Models.DownloadAsync(dated, ModelDownloadFormat.Onnx, Stream.Null));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var cli = await AutomlProcess.RunAsync($"models download {dated} --format onnx", env, work.FullName, Quick);
        Assert.True(cli.ExitCode == 1, AutomlProcess.Describe(cli));
        Assert.Contains("the column signed_up is a date", cli.Stderr + cli.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(work.FullName, $"model-{dated:N}.onnx")));
    }

    private static async Task<Guid> TrainAsync(AutoMlClient client, byte[] content, string name, string target)
    {
        using var file = new MemoryStream(content);
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadAsync(file, name)).Id);
        var job = await client.Jobs.WaitForCompletionAsync((await client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = target, BudgetSeconds = 10 })).Id);
        Assert.Equal(JobStatuses.Succeeded, job.Status);
        return job.ModelId!.Value;
    }

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env)
    {
        var result = await AutomlProcess.RunAsync(arguments, env, work.FullName, Quick);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{AutomlProcess.Describe(result)}");
        return result;
    }

    public void Dispose() => work.Delete(recursive: true);
}
