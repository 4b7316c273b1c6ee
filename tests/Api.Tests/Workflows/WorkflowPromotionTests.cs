using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Registry;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Workflows;

/// <summary>Workflows end to end: new versions start runs, candidates are compared with production on held-out rows, and only a better one is promoted.</summary>
public sealed class WorkflowPromotionTests(LocalPlatformFactory platform) : IClassFixture<LocalPlatformFactory>
{
    [Fact]
    public async Task a_version_with_more_of_the_pattern_is_promoted_and_served_and_one_worse_on_the_newest_rows_is_not()
    {
        var (user, _) = await WorkflowSteps.UserWithCreditsAsync(platform);
        var http = user.Http;

        // Production starts on a weak model: trained on 200 rows whose labels are noise.
        var weak = await http.IngestAsync(WorkflowSteps.Csv(200, garbled: _ => true), "noise.csv");
        await http.CreateRegisteredAsync("shop-model");
        var weakJob = await (await http.PostAsJsonAsync("/api/v1/jobs",
            new { datasetId = weak.Str("id"), target = "label", budgetSeconds = 10, registeredModel = "shop-model" })).JsonAsync(HttpStatusCode.Accepted);
        await http.JobUntilAsync(weakJob.Str("id"), j => j.Ended());
        await http.MoveAliasAsync("shop-model", "production", 1, "first model");
        await (await http.PostAsJsonAsync("/api/v1/endpoints", new { name = "shop-api", registeredModel = "shop-model" })).JsonAsync(HttpStatusCode.Created);

        var data = await http.IngestAsync(WorkflowSteps.Csv(2000), "shop.csv");
        var workflow = await http.CreateWorkflowAsync(new
        {
            name = "Shop weekly",
            datasetId = data.Str("id"),
            target = "label",
            budgetSeconds = 10,
            registeredModel = "shop-model",
            timeColumn = "when",
            onNewVersion = true,
            debounceSeconds = 5,
        });
        var id = workflow.Str("id");
        Assert.Equal("automatic", workflow.Str("policy"));
        Assert.Empty(await http.RunsAsync(id));

        // Version 2: a thousand more rows of the same pattern.
        (await http.PostVersionAsync(data.Str("id"), WorkflowSteps.Csv(3000))).EnsureSuccessStatusCode();
        var started = (await http.RunsUntilAsync(id, runs => runs.Count == 1))[0];
        Assert.Equal("dataset-version", started.Str("trigger"));
        Assert.Equal(2, started.GetProperty("datasetVersion").GetInt32());
        var promoted = await http.RunEndedAsync(id, started.Str("id"));
        Assert.True(promoted.Str("status") == "promoted", promoted.ToString());
        Assert.Equal(2, promoted.GetProperty("candidateVersion").GetInt32());
        Assert.Equal(1, promoted.GetProperty("championVersion").GetInt32());
        var report = promoted.GetProperty("report");
        Assert.Equal("newest-rows", report.GetProperty("holdout").Str("method"));
        Assert.Equal(600, report.GetProperty("holdout").GetProperty("rows").GetInt32());
        Assert.Equal(2400, report.GetProperty("holdout").GetProperty("trainRows").GetInt32());
        Assert.True(report.GetProperty("gain").GetProperty("lower").GetDouble() > 0, report.ToString());
        Assert.True(promoted.GetProperty("candidateScore").GetDouble() > promoted.GetProperty("championScore").GetDouble() + 0.005);
        Assert.Equal(2, await http.ProductionAsync("shop-model"));
        var history = await (await http.GetAsync("/api/v1/registered-models/shop-model/aliases/production/history")).JsonAsync();
        Assert.Contains(history.GetProperty("items").EnumerateArray(), m => m.Str("reason").Contains($"run {promoted.Str("id")}", StringComparison.Ordinal));
        var answer = await (await http.PostAsJsonAsync("/api/v1/endpoints/shop-api/predict",
            new { rows = new[] { new Dictionary<string, object> { ["when"] = "2025-06-01 10:00:00", ["x1"] = 0.9, ["x2"] = 0.8, ["shop"] = "s1" } } })).JsonAsync();
        Assert.Equal(2, answer.GetProperty("version").GetInt32());

        // Version 3: the same rows, but all but the newest 600 now carry noise labels: the candidate learns noise and
        // is scored on the newest rows, where production (version 2) does far better.
        (await http.PostVersionAsync(data.Str("id"), WorkflowSteps.Csv(3000, garbled: i => i < 2400))).EnsureSuccessStatusCode();
        var second = (await http.RunsUntilAsync(id, runs => runs.Count == 2))[0];
        var kept = await http.RunEndedAsync(id, second.Str("id"));
        Assert.True(kept.Str("status") == "not-promoted", kept.ToString());
        Assert.Equal(3, kept.GetProperty("candidateVersion").GetInt32());
        Assert.Equal(2, kept.GetProperty("championVersion").GetInt32());
        Assert.Contains("less than the margin", kept.Str("reason"), StringComparison.Ordinal);
        Assert.False(kept.GetProperty("report").GetProperty("better").GetBoolean());
        Assert.Equal(2, await http.ProductionAsync("shop-model"));
    }

    [Fact]
    public async Task under_the_approval_policy_a_better_candidate_waits_and_is_promoted_on_approve()
    {
        var (user, userId) = await WorkflowSteps.UserWithCreditsAsync(platform);
        var http = user.Http;
        var data = await http.IngestAsync(WorkflowSteps.Csv(1200), "shop.csv");
        var workflow = await http.CreateWorkflowAsync(new
        {
            name = "Needs a person",
            datasetId = data.Str("id"),
            target = "label",
            budgetSeconds = 10,
            registeredModel = "approved-model",
            policy = "approval",
        });
        var id = workflow.Str("id");

        var run = await (await http.PostAsync($"/api/v1/workflows/{id}/runs", null)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("training", run.Str("status"));
        Assert.Equal("manual", run.Str("trigger"));
        // One run at a time: a second "run now" while it trains is refused.
        var busy = await http.PostAsync($"/api/v1/workflows/{id}/runs", null);
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("still training", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var waiting = await http.RunEndedAsync(id, run.Str("id"));
        Assert.True(waiting.Str("status") == "awaiting-approval", waiting.ToString());
        Assert.Equal(HoldoutMethod.Stratified, waiting.GetProperty("report").GetProperty("holdout").Str("method"));
        Assert.Null(await http.ProductionAsync("approved-model"));
        Assert.True(await platform.InDbAsync(db => db.OutboxEmails.AnyAsync(e => e.UserId == userId && e.Template == "workflow-approval")));

        var approved = await (await http.PostAsJsonAsync($"/api/v1/workflows/{id}/runs/{run.Str("id")}/approve", new { reason = "looks right" })).JsonAsync();
        Assert.Equal("promoted", approved.Str("status"));
        Assert.Contains("looks right", approved.Str("reason"), StringComparison.Ordinal);
        Assert.Equal(1, await http.ProductionAsync("approved-model"));
        var again = await http.PostAsJsonAsync($"/api/v1/workflows/{id}/runs/{run.Str("id")}/reject", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // The approval and the alias move it made are in the account's audit trail, once each; the refused rejection left nothing.
        var trail = await platform.InDbAsync(db => db.AuditEvents.Where(e => e.UserId == userId).Select(e => e.Action).ToListAsync());
        Assert.Single(trail, a => a == "workflow-approval");
        Assert.Single(trail, a => a == "alias-move");
        Assert.DoesNotContain("workflow-rejection", trail);

        // Run again on the same version: the rows the first run held out were never trained on, so both are judged on them.
        var second = await (await http.PostAsync($"/api/v1/workflows/{id}/runs", null)).JsonAsync(HttpStatusCode.Created);
        var judged = await http.RunEndedAsync(id, second.Str("id"));
        Assert.Equal(1, judged.GetProperty("championVersion").GetInt32());
        var report = judged.GetProperty("report");
        Assert.True(report.GetProperty("holdout").GetProperty("scoredRows").GetInt32() >= 50, report.ToString());
        Assert.Equal(JsonValueKind.Object, report.GetProperty("gain").ValueKind);
        Assert.True(judged.Str("status") is "awaiting-approval" or "not-promoted", judged.ToString());
    }

    private static class HoldoutMethod
    {
        public const string Stratified = "stratified-new-rows";
    }
}
