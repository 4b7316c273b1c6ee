using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AutoMl.Api.Tests.Models;

/// <summary>Issue 29: GET /models/{id}/download?format=onnx, an ONNX file that predicts what the API predicts, or a 422 saying why not.</summary>
public sealed class OnnxDownloadTests(PredictionPlatformFactory platform) : IClassFixture<PredictionPlatformFactory>
{
    [Fact]
    public async Task onnx_download_of_a_multiclass_model_with_categories_reproduces_the_api_on_a_held_out_file()
    {
        var user = await platform.SignUpAsync();
        var lines = await File.ReadAllLinesAsync(TestData.Path("ml/penguins.csv"));
        // Every eighth row held out: the file is sorted by species.
        var training = lines.Where((_, i) => i == 0 || i % 8 != 0);
        var heldOut = lines.Skip(1).Where((_, i) => (i + 1) % 8 == 0).Select(l => Row(lines[0], l)).ToList();
        var model = await TrainAsync(user, string.Join('\n', training), "penguins_train.csv", "species");

        var view = await (await user.Http.GetAsync($"/api/v1/models/{model}")).JsonAsync();
        Assert.True(view.GetProperty("export").GetProperty("onnx").GetBoolean());
        var download = await user.Http.GetAsync($"/api/v1/models/{model}/download?format=onnx");
        await download.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.EndsWith(".onnx", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var onnx = await download.Content.ReadAsByteArrayAsync();

        var api = (await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = heldOut })).JsonAsync())
            .GetProperty("predictions").EnumerateArray().ToList();
        using var session = new InferenceSession(onnx);
        var classes = JsonSerializer.Deserialize<string[]>(session.ModelMetadata.CustomMetadataMap["classes"])!;
        Assert.Equal(["bill_depth_mm", "bill_length_mm", "body_mass_g", "flipper_length_mm", "island", "sex"], session.InputMetadata.Keys.Order(StringComparer.Ordinal));
        var inputs = session.InputMetadata.Select(input => input.Value.ElementDataType == TensorElementType.String
            ? NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<string>(heldOut.Select(r => (string?)r[input.Key] ?? "").ToArray(), [heldOut.Count, 1]))
            : NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<float>(heldOut.Select(r => r[input.Key] is double d ? (float)d : float.NaN).ToArray(), [heldOut.Count, 1])))
            .ToList();
        using var results = session.Run(inputs, ["probabilities"]);
        var probabilities = results[0].AsTensor<float>();
        Assert.Equal(heldOut.Count, probabilities.Dimensions[0]);
        for (var i = 0; i < heldOut.Count; i++)
        {
            for (var k = 0; k < classes.Length; k++)
            {
                Assert.Equal(api[i].GetProperty("probabilities").GetProperty(classes[k]).GetDouble(), probabilities[i, k], 1e-5);
            }
        }
    }

    [Fact]
    public async Task a_model_that_reads_a_date_is_refused_onnx_with_the_reason_and_still_downloads_as_a_bundle()
    {
        var user = await platform.SignUpAsync();
        var csv = new StringBuilder("signed_up,visits,plan\n");
        for (var i = 0; i < 120; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2025-{1 + i % 12:00}-{1 + i % 28:00},{i % 17},{(i % 17 > 8 ? "pro" : "free")}\n");
        }
        var model = await TrainAsync(user, csv.ToString(), "plans.csv", "plan");

        var view = await (await user.Http.GetAsync($"/api/v1/models/{model}")).JsonAsync();
        var export = view.GetProperty("export");
        Assert.False(export.GetProperty("onnx").GetBoolean());
        var refusal = await (await user.Http.GetAsync($"/api/v1/models/{model}/download?format=onnx")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var detail = refusal.GetProperty("detail").GetString()!;
        Assert.StartsWith("This model cannot be exported to ONNX: the column signed_up is a date", detail, StringComparison.Ordinal);
        Assert.Equal(detail, export.GetProperty("onnxRefusal").GetString());

        var bundle = await user.Http.GetAsync($"/api/v1/models/{model}/download?format=bundle");
        await bundle.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/zip", bundle.Content.Headers.ContentType?.MediaType);
        var unknown = await (await user.Http.GetAsync($"/api/v1/models/{model}/download?format=pmml")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("format is bundle or onnx", unknown.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> TrainAsync(BrowserClient user, string csv, string name, string target)
    {
        var dataset = await user.Http.UploadAsync(Encoding.UTF8.GetBytes(csv), name);
        Assert.Equal("ready", (await user.Http.SettledAsync(dataset)).GetProperty("status").GetString());
        var submitted = await (await user.Http.SubmitAsync(dataset, target, 10)).JsonAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(submitted.GetProperty("id").GetString()!, j => j.Ended(), 120);
        Assert.Equal("succeeded", job.Status());
        return job.GetProperty("modelId").GetString()!;
    }

    /// <summary>A penguins row as a client sends it: numbers, strings, null for NA; without the target.</summary>
    private static Dictionary<string, object?> Row(string header, string line)
    {
        var names = header.Split(',').Select(h => h.Trim('"')).ToArray();
        var cells = line.Split(',');
        return names.Index().Where(n => n.Item != "species").ToDictionary(n => n.Item, n => cells[n.Index] switch
        {
            "NA" or "" => null,
            var c when c.StartsWith('"') => c.Trim('"'),
            var c => (object?)double.Parse(c, CultureInfo.InvariantCulture),
        });
    }
}
