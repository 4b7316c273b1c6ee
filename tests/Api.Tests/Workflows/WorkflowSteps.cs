using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Workflows;

/// <summary>What a workflow test does often: make data with a time column, a user with credits, and wait for runs.</summary>
internal static class WorkflowSteps
{
    /// <summary>
    /// Hourly rows from 2025-01-01: x1, x2 in [0, 1), a category, and label yes when x1 + x2 &gt; 1 (with 3% noise).
    /// <paramref name="garbled"/> rows get a label that has nothing to do with x1 and x2.
    /// </summary>
    public static byte[] Csv(int rows, Func<int, bool>? garbled = null, bool header = true)
    {
        var csv = new StringBuilder(header ? "when,x1,x2,shop,label\n" : "");
        for (var i = 0; i < rows; i++)
        {
            var random = new Random(i * 7919 + 17);
            var x1 = random.NextDouble();
            var x2 = random.NextDouble();
            var noise = random.NextDouble() < 0.03;
            var yes = (x1 + x2 > 1) ^ noise;
            if (garbled?.Invoke(i) == true)
            {
                yes = random.NextDouble() < 0.5;
            }
            var when = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i);
            csv.Append(CultureInfo.InvariantCulture, $"{when:yyyy-MM-dd HH:mm:ss},{x1:0.0000},{x2:0.0000},s{i % 4},{(yes ? "yes" : "no")}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static async Task<(BrowserClient User, Guid UserId)> UserWithCreditsAsync(PlatformFactory platform, long credits = 20_000)
    {
        var user = await platform.SignUpAsync();
        var me = await (await user.Http.GetAsync("/api/v1/me")).JsonAsync();
        var userId = Guid.Parse(me.GetProperty("id").GetString()!);
        await using var scope = platform.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>()
            .CreditAsync(userId, credits, CreditEntryKind.Grant, "Test credits", $"workflow-test:{userId:N}", default);
        return (user, userId);
    }

    public static Task<HttpResponseMessage> PostVersionAsync(this HttpClient http, string datasetId, byte[] content, string fileName = "shop.csv") =>
        http.PostFileAsync(content, fileName, $"/api/v1/datasets/{datasetId}/versions");

    public static async Task<JsonElement> CreateWorkflowAsync(this HttpClient http, object request) =>
        await (await http.PostAsJsonAsync("/api/v1/workflows", request)).JsonAsync(HttpStatusCode.Created);

    public static async Task<List<JsonElement>> RunsAsync(this HttpClient http, string workflowId) =>
        (await (await http.GetAsync($"/api/v1/workflows/{workflowId}/runs?pageSize=200")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    /// <summary>Polls the workflow's runs until <paramref name="enough"/> holds.</summary>
    public static async Task<List<JsonElement>> RunsUntilAsync(this HttpClient http, string workflowId, Func<List<JsonElement>, bool> enough, int timeoutSeconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var runs = await http.RunsAsync(workflowId);
            if (enough(runs))
            {
                return runs;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The workflow's runs did not get there in {timeoutSeconds} s: {string.Join("\n", runs)}");
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Polls one run until it has left 'training'.</summary>
    public static async Task<JsonElement> RunEndedAsync(this HttpClient http, string workflowId, string runId, int timeoutSeconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var run = await (await http.GetAsync($"/api/v1/workflows/{workflowId}/runs/{runId}")).JsonAsync();
            if (run.GetProperty("status").GetString() != "training")
            {
                return run;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Run {runId} was still training after {timeoutSeconds} s: {run}");
            }
            await Task.Delay(500);
        }
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static async Task<int?> ProductionAsync(this HttpClient http, string registered)
    {
        var model = await (await http.GetAsync($"/api/v1/registered-models/{registered}")).JsonAsync();
        return model.GetProperty("aliases").TryGetProperty("production", out var v) ? v.GetInt32() : null;
    }
}
