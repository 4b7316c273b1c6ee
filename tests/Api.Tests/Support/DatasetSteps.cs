using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AutoMl.Api.Tests.Support;

/// <summary>What a user does with data sets, as test steps.</summary>
public static class DatasetSteps
{
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient http, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await http.PostAsync("/api/v1/datasets", form);
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

    public static JsonElement Column(this JsonElement dataset, string name) =>
        dataset.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
