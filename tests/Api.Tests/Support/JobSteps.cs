using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Testing;

namespace AutoMl.Api.Tests.Support;

/// <summary>What a user does with training jobs, as test steps.</summary>
public static class JobSteps
{
    public static async Task<string> ReadyDatasetAsync(this HttpClient http, string file = "ml/penguins.csv")
    {
        var id = await http.UploadAsync(await File.ReadAllBytesAsync(TestData.Path(file)), Path.GetFileName(file));
        var dataset = await http.SettledAsync(id);
        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        return id;
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient http, string datasetId, string target, int budgetSeconds) =>
        http.PostAsJsonAsync("/api/v1/jobs", new { datasetId, target, budgetSeconds });

    public static async Task<JsonElement> JobAsync(this HttpClient http, string id) =>
        await (await http.GetAsync($"/api/v1/jobs/{id}")).JsonAsync();

    /// <summary>Polls the job until <paramref name="done"/> holds.</summary>
    public static async Task<JsonElement> JobUntilAsync(this HttpClient http, string id, Func<JsonElement, bool> done, int timeoutSeconds = 90, int pollMs = 200)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var job = await http.JobAsync(id);
            if (done(job))
            {
                return job;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Job {id} did not get there in {timeoutSeconds} s; it is {job}");
            }
            await Task.Delay(pollMs);
        }
    }

    public static string Status(this JsonElement job) => job.GetProperty("status").GetString()!;

    public static bool Ended(this JsonElement job) => job.Status() is "succeeded" or "failed" or "cancelled";

    public static async Task<List<JsonElement>> EntriesAsync(this HttpClient http)
    {
        var page = await (await http.GetAsync("/api/v1/credits/entries?pageSize=200")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> CreditsAsync(this HttpClient http) => await (await http.GetAsync("/api/v1/credits")).JsonAsync();

    public static HttpStatusCode Code(this HttpResponseMessage response) => response.StatusCode;
}
