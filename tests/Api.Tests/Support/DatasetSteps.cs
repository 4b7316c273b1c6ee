using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AutoMl.Api.Tests.Support;

/// <summary>What a user does with data sets, as test steps.</summary>
public static class DatasetSteps
{
    /// <param name="path">Where the file goes: a new data set, or a data set's versions.</param>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient http, byte[] content, string fileName, string path = "/api/v1/datasets")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await http.PostAsync(path, form);
    }

    public static async Task<string> UploadAsync(this HttpClient http, byte[] content, string fileName)
    {
        var response = await http.PostFileAsync(content, fileName);
        var body = await response.JsonAsync(HttpStatusCode.Accepted);
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Polls until the data set has left 'ingesting' (or 'uploading') and returns it.</summary>
    public static async Task<JsonElement> SettledAsync(this HttpClient http, string id, int timeoutSeconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var dataset = await (await http.GetAsync($"/api/v1/datasets/{id}")).JsonAsync();
            var status = dataset.GetProperty("status").GetString();
            if (status is "ready" or "failed")
            {
                return dataset;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Data set {id} still '{status}' after {timeoutSeconds} s.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Uploads the file and waits until it is ready or failed, and checks it never settles half-made.</summary>
    public static async Task<JsonElement> IngestAsync(this HttpClient http, byte[] content, string fileName)
    {
        var dataset = await http.SettledAsync(await http.UploadAsync(content, fileName));
        AssertWhole(dataset);
        return dataset;
    }

    /// <summary>Ready means rows, columns and no error; failed means an error and nothing that looks ingested.</summary>
    public static void AssertWhole(JsonElement dataset)
    {
        if (dataset.GetProperty("status").GetString() == "ready")
        {
            Assert.True(dataset.GetProperty("rows").GetInt64() > 0, "A ready data set has rows.");
            Assert.True(dataset.GetProperty("columns").GetArrayLength() >= 2, "A ready data set has a target and a feature.");
            Assert.Equal(JsonValueKind.Null, dataset.GetProperty("error").ValueKind);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(dataset.GetProperty("error").GetString()), "A failed data set says why.");
            Assert.Equal(JsonValueKind.Null, dataset.GetProperty("rows").ValueKind);
            Assert.Equal(JsonValueKind.Null, dataset.GetProperty("columns").ValueKind);
        }
    }

    /// <summary>The error of a data set that must have failed, for checks on its wording.</summary>
    public static string FailedBecause(this JsonElement dataset)
    {
        Assert.Equal("failed", dataset.GetProperty("status").GetString());
        return dataset.GetProperty("error").GetString()!;
    }

    public static async Task<JsonElement> PreviewAsync(this HttpClient http, JsonElement dataset, int rows = 50) =>
        await (await http.GetAsync($"/api/v1/datasets/{dataset.GetProperty("id").GetString()}/preview?rows={rows}")).JsonAsync();

    /// <summary>A preview cell by its column name.</summary>
    public static JsonElement Cell(this JsonElement preview, int row, string column)
    {
        var index = preview.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(column);
        Assert.True(index >= 0, $"The preview has no column '{column}'.");
        return preview.GetProperty("rows")[row][index];
    }

    public static JsonElement Column(this JsonElement dataset, string name) =>
        dataset.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
