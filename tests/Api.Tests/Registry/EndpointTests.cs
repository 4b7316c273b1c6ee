using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Models;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Registry;

/// <summary>Endpoints: traffic splits, shadows, feedback and isolation between accounts (issue 27).</summary>
[Collection(ModelCatalogCollection.Name)]
public sealed class EndpointTests(ModelCatalogFactory platform)
{
    [Fact]
    public async Task a_ninety_ten_split_serves_both_versions_in_proportion()
    {
        var (user, userId, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        await RegistrySteps.GrantAsync(platform, userId, 2_000);
        await user.Http.MoveAliasAsync("diabetes", "staging", 2, "challenger");
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints",
            new { name = "risk", registeredModel = "diabetes", challenger = new { alias = "staging", percent = 10, mode = "split" } })).JsonAsync(HttpStatusCode.Created);

        var served = new int[3];
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_000), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
        {
            var answer = await user.Http.PredictAsync("risk");
            Interlocked.Increment(ref served[answer.GetProperty("version").GetInt32()]);
        });

        Assert.Equal(1_000, served[1] + served[2]);
        // 10% of 1,000 has a standard deviation of 9.5 requests; 5 points is more than five of them.
        Assert.InRange(served[2], 50, 150);
        var stats = await (await user.Http.GetAsync("/api/v1/endpoints/risk/stats")).JsonAsync();
        Assert.True(stats.GetProperty("requests").GetInt64() <= 1_000);
    }

    [Fact]
    public async Task a_shadow_challenger_is_logged_but_never_answers()
    {
        var (user, _, _, second) = await RegistrySteps.TwoVersionsAsync(platform);
        await user.Http.MoveAliasAsync("diabetes", "staging", 2, "shadow test");
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints",
            new { name = "risk", registeredModel = "diabetes", challenger = new { alias = "staging", mode = "shadow" } })).JsonAsync(HttpStatusCode.Created);

        var answers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var answer = await user.Http.PredictAsync("risk", rows: 2);
            Assert.Equal(1, answer.GetProperty("version").GetInt32());
            answers.Add(answer.GetProperty("requestId").GetString()!);
        }

        var shadows = await user.Http.LogsUntilAsync("risk", items => items.Count >= 20, role: "shadow");
        Assert.Equal(20, shadows.Count);
        Assert.All(shadows, s => Assert.Equal(2, s.GetProperty("version").GetInt32()));
        Assert.Equal(answers.Order(), shadows.Select(s => s.GetProperty("requestId").GetString()!).Order());
        Assert.All(shadows, s => Assert.Equal(2, s.GetProperty("outputs").GetArrayLength()));
        var servedLogs = await user.Http.LogsUntilAsync("risk", items => items.Count >= 20, role: "served");
        Assert.All(servedLogs, s => Assert.Equal(1, s.GetProperty("version").GetInt32()));
        Assert.DoesNotContain(servedLogs, s => s.GetProperty("version").GetInt32() == 2);
        _ = second;
    }

    [Fact]
    public async Task feedback_joins_the_logged_request()
    {
        var (user, _, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes" })).JsonAsync(HttpStatusCode.Created);
        var answer = await user.Http.PredictAsync("risk");
        var requestId = answer.GetProperty("requestId").GetString();

        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints/risk/feedback", new { requestId, actual = "pos" })).JsonAsync();
        var bad = await (await user.Http.PostAsJsonAsync("/api/v1/endpoints/risk/feedback", new { requestId })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Send the true value", bad.GetProperty("detail").GetString());

        var logs = await user.Http.LogsUntilAsync("risk", items => items.Any(i => i.GetProperty("actual").ValueKind == System.Text.Json.JsonValueKind.String));
        var logged = Assert.Single(logs);
        Assert.Equal(requestId, logged.GetProperty("requestId").GetString());
        Assert.Equal("pos", logged.GetProperty("actual").GetString());
        Assert.Equal(1.0, logged.GetProperty("sampleRate").GetDouble());
        Assert.Equal(80 + 0, logged.GetProperty("inputs")[0].GetProperty("glucose").GetInt32());
    }

    [Fact]
    public async Task another_user_sees_none_of_it()
    {
        var (owner, _, first, _) = await RegistrySteps.TwoVersionsAsync(platform);
        await (await owner.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes" })).JsonAsync(HttpStatusCode.Created);
        var answer = await owner.Http.PredictAsync("risk");
        var (other, otherId) = await platform.UserAsync();

        Assert.Equal(0, (await (await other.Http.GetAsync("/api/v1/registered-models")).JsonAsync()).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await (await other.Http.GetAsync("/api/v1/endpoints")).JsonAsync()).GetProperty("items").GetArrayLength());
        await (await other.Http.GetAsync("/api/v1/registered-models/diabetes")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.GetAsync("/api/v1/registered-models/diabetes/aliases/production/history")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.PutAsJsonAsync("/api/v1/registered-models/diabetes/aliases/production", new { version = 2, reason = "takeover" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.PostAsJsonAsync("/api/v1/endpoints/risk/predict", new { rows = PredictionPlatformFactory.Rows(1) })).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.GetAsync("/api/v1/endpoints/risk/logs")).ProblemAsync(HttpStatusCode.NotFound);
        // Another user's model cannot become a version of one's own registered model.
        await other.Http.CreateRegisteredAsync("diabetes");
        await (await other.Http.PostAsJsonAsync("/api/v1/registered-models/diabetes/versions", new { modelId = first })).ProblemAsync(HttpStatusCode.NotFound);
        // Feedback for another account's request id is refused and leaves the owner's untouched.
        var own = await platform.CopyAsync(otherId, regression: false);
        await other.Http.AddVersionAsync("diabetes", own);
        await other.Http.MoveAliasAsync("diabetes", "production", 1, "mine");
        await (await other.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes" })).JsonAsync(HttpStatusCode.Created);
        await (await owner.Http.PostAsJsonAsync("/api/v1/endpoints/risk/feedback", new { requestId = answer.GetProperty("requestId").GetString(), actual = "neg" })).JsonAsync();
        await (await other.Http.PostAsJsonAsync("/api/v1/endpoints/risk/feedback", new { requestId = answer.GetProperty("requestId").GetString(), actual = "pos" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var logs = await owner.Http.LogsUntilAsync("risk", items => items.Count == 1);
        Assert.Equal("neg", Assert.Single(logs).GetProperty("actual").GetString());
    }

    [Fact]
    public async Task an_endpoint_whose_alias_names_nothing_says_so()
    {
        var (user, _, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes", alias = "staging" })).JsonAsync(HttpStatusCode.Created);
        var problem = await (await user.Http.PostAsJsonAsync("/api/v1/endpoints/risk/predict", new { rows = PredictionPlatformFactory.Rows(1) }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("The alias staging of diabetes names no version", problem.GetProperty("detail").GetString());
        var credits = await user.Http.CreditsAsync();
        Assert.Equal(100, PredictionPlatformFactory.Balance(credits));
    }

    [Fact]
    public async Task a_retried_request_is_charged_and_logged_once_under_one_request_id()
    {
        var (user, _, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes" })).JsonAsync(HttpStatusCode.Created);
        async Task<System.Text.Json.JsonElement> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/endpoints/risk/predict") { Content = JsonContent.Create(new { rows = PredictionPlatformFactory.Rows(2) }) };
            request.Headers.Add("Idempotency-Key", "retry-1");
            return await (await user.Http.SendAsync(request)).JsonAsync();
        }

        var first = await SendAsync();
        var retry = await SendAsync();

        Assert.Equal(first.GetProperty("requestId").GetString(), retry.GetProperty("requestId").GetString());
        Assert.Equal(99, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));
        var logs = await user.Http.LogsUntilAsync("risk", items => items.Count >= 1);
        await Task.Delay(500); // a second row, if one were written, is flushed by now
        logs = await user.Http.LogsUntilAsync("risk", items => items.Count >= 2, timeoutSeconds: 1);
        Assert.Equal(first.GetProperty("requestId").GetString(), Assert.Single(logs).GetProperty("requestId").GetString());
    }
}
