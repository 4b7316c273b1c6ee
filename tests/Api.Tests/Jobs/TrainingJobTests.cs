using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Models;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Jobs;

public sealed class TrainingJobTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    [Fact]
    public async Task a_training_job_runs_to_a_model_that_predicts_and_the_ledger_adds_up()
    {
        var email = ApiFactory.NewEmail();
        var user = await platform.SignUpAsync(email);
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");

        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 12)).JsonAsync(HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetString()!;
        Assert.Equal("queued", submitted.Status());
        Assert.Equal("normal", submitted.GetProperty("queue").GetString());
        var held = submitted.GetProperty("heldCredits").GetInt64();
        Assert.True(held >= 1);

        var job = await user.Http.JobUntilAsync(id, j => j.Ended());
        Assert.Equal("succeeded", job.Status());
        Assert.True(job.GetProperty("trials").GetInt32() >= 1);
        var charged = job.GetProperty("chargedCredits").GetInt64();
        Assert.InRange(charged, 1, held);

        var modelId = job.GetProperty("modelId").GetString();
        // The worker announced the model: this instance loads it before the first prediction asks, and so does one
        // that starts afterwards (it warms the newest models).
        var cache = platform.Services.GetRequiredService<ModelCache>();
        await Eventually.ReadAsync(() => cache.IsLoaded(Guid.Parse(modelId!)), loaded => loaded, "the new model loaded ahead of its first prediction");
        {
            var restarted = ActivatorUtilities.CreateInstance<ModelCache>(platform.Services);
            using var warmer = ActivatorUtilities.CreateInstance<ModelWarmer>(platform.Services, restarted);
            await warmer.StartAsync(CancellationToken.None);
            await Eventually.ReadAsync(() => restarted.IsLoaded(Guid.Parse(modelId!)), loaded => loaded, "a starting instance warming the newest model");
            await warmer.StopAsync(CancellationToken.None);
        }
        var model = await (await user.Http.GetAsync($"/api/v1/models/{modelId}")).JsonAsync();
        Assert.Equal("binary", model.GetProperty("task").GetString());
        Assert.Equal("auc", model.GetProperty("metric").GetString());
        Assert.InRange(model.GetProperty("score").GetDouble(), 0.75, 1.0);
        Assert.Equal(2, model.GetProperty("classes").GetArrayLength());
        Assert.NotEmpty(model.GetProperty("curves").GetProperty("roc").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, model.GetProperty("curves").GetProperty("confusion").ValueKind);
        Assert.True(model.GetProperty("featureImportance").GetArrayLength() > 0, $"no feature importance; leaderboard: {model.GetProperty("leaderboard")}");
        Assert.NotEmpty(model.GetProperty("leaderboard").EnumerateArray());

        var rows = new[]
        {
            new Dictionary<string, object?> { ["pregnant"] = 6, ["glucose"] = 190, ["pressure"] = 72, ["triceps"] = 35, ["insulin"] = null, ["mass"] = 43.6, ["pedigree"] = 1.2, ["age"] = 50 },
            new Dictionary<string, object?> { ["pregnant"] = 1, ["glucose"] = 80, ["pressure"] = 66, ["triceps"] = 29, ["insulin"] = null, ["mass"] = 22.6, ["pedigree"] = 0.2, ["age"] = 22 },
        };
        var predicted = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{modelId}/predict", new { rows, explain = true })).JsonAsync();
        var predictions = predicted.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal("pos", predictions[0].GetProperty("label").GetString());
        Assert.Equal("neg", predictions[1].GetProperty("label").GetString());
        Assert.InRange(predictions[0].GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), 0.999, 1.001);
        Assert.Contains(predictions[0].GetProperty("contributions").EnumerateObject(), c => c.Name == "glucose" && c.Value.GetDouble() > 0);
        var predictionCharge = predicted.GetProperty("creditsCharged").GetInt64();
        Assert.Equal(1, predictionCharge);

        var credits = await user.Http.CreditsAsync();
        Assert.Equal(100 - charged - predictionCharge, credits.GetProperty("balance").GetInt64());
        Assert.Equal(0, credits.GetProperty("held").GetInt64());
        var entries = await user.Http.EntriesAsync();
        Assert.Equal(credits.GetProperty("balance").GetInt64(), entries.Sum(e => e.GetProperty("amount").GetInt64()));
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "hold");
        Assert.Equal(-charged, entries.Single(e => e.GetProperty("kind").GetString() == "capture").GetProperty("amount").GetInt64());
        Assert.Equal(0, entries.Sum(e => e.GetProperty("heldChange").GetInt64()));
        Assert.Equal(held, entries.Single(e => e.GetProperty("kind").GetString() == "hold").GetProperty("heldChange").GetInt64());
        Assert.Equal(held - charged, -entries.Where(e => e.GetProperty("kind").GetString() == "release").Sum(e => e.GetProperty("heldChange").GetInt64()));

        var batch = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{modelId}/predictions", new { datasetId = dataset })).JsonAsync(HttpStatusCode.Accepted);
        var batchJob = await user.Http.JobUntilAsync(batch.GetProperty("id").GetString()!, j => j.Ended());
        Assert.Equal("succeeded", batchJob.Status());
        var csv = await (await user.Http.GetAsync($"/api/v1/models/predictions/{batchJob.GetProperty("id").GetString()}/result")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("prediction,neg,pos", lines[0]);
        Assert.Equal(768, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches("^(neg|pos),", l));
        var afterBatch = await user.Http.CreditsAsync();
        Assert.Equal(100 - charged - predictionCharge - batchJob.GetProperty("chargedCredits").GetInt64(), afterBatch.GetProperty("balance").GetInt64());

        // The ending's event is stored after the status it reports is visible: wait for it, not for the status.
        var events = await Eventually.ReadAsync(async () => await (await user.Http.GetAsync($"/api/v1/jobs/{id}/events")).JsonAsync(),
            e => e.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("type").GetString() == "job.succeeded"), "the job's job.succeeded event");
        var types = events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("job.queued", types[0]);
        Assert.Contains("job.started", types);
        Assert.Contains("trial.completed", types);
        Assert.Contains("job.succeeded", types);
        var seqs = events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.Order(), seqs);

        // The outcome is mailed once; the first charge crossed the low-balance line (100 here), the batch's did not again.
        var mails = await platform.InDbAsync(db => db.OutboxEmails.Where(e => e.To == email && e.Template != "verify-email").ToListAsync());
        var finished = Assert.Single(mails, m => m.Template == "job-finished");
        Assert.Contains("'diabetes'", finished.Subject, StringComparison.Ordinal);
        Assert.Contains($"Best auc: {model.GetProperty("score").GetDouble().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}", finished.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/jobs/{id}", finished.TextBody, StringComparison.Ordinal);
        var low = Assert.Single(mails, m => m.Template == "low-balance");
        Assert.Contains($"{100 - charged} credits left", low.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, mails.Count);
    }

    [Fact]
    public async Task cancel_stops_a_running_job_within_two_seconds_and_charges_only_what_was_used()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 180)).JsonAsync(HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetString()!;
        var held = submitted.GetProperty("heldCredits").GetInt64();
        await user.Http.JobUntilAsync(id, j => j.GetProperty("trials").GetInt32() >= 1, 60, 100);

        var clock = Stopwatch.StartNew();
        await (await user.Http.PostAsync($"/api/v1/jobs/{id}/cancel", null)).EnsureStatusAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(id, j => j.Ended(), 10, 50);
        clock.Stop();

        Assert.Equal("cancelled", job.Status());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"cancellation took {clock.Elapsed}");
        var charged = job.GetProperty("chargedCredits").GetInt64();
        Assert.InRange(charged, 1, held - 1);
        var credits = await user.Http.CreditsAsync();
        Assert.Equal(100 - charged, credits.GetProperty("balance").GetInt64());
        Assert.Equal(0, credits.GetProperty("held").GetInt64());
        var entries = await user.Http.EntriesAsync();
        Assert.Equal(held - charged, -entries.Single(e => e.GetProperty("kind").GetString() == "release").GetProperty("heldChange").GetInt64());
        Assert.Equal(-charged, entries.Single(e => e.GetProperty("kind").GetString() == "capture").GetProperty("amount").GetInt64());
        Assert.Equal(credits.GetProperty("balance").GetInt64(), entries.Sum(e => e.GetProperty("amount").GetInt64()));
        var userId = Guid.Parse((await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!);
        Assert.False(await platform.InDbAsync(db => db.OutboxEmails.AnyAsync(e => e.UserId == userId && e.Template == "job-finished")),
            "a job the user cancelled is not mailed as finished");
    }

    [Fact]
    public async Task a_job_on_a_missing_target_or_another_users_data_set_is_refused_and_holds_nothing()
    {
        var alice = await platform.SignUpAsync();
        var dataset = await alice.Http.ReadyDatasetAsync("ml/boston.csv");
        var bob = await platform.SignUpAsync();

        var noTarget = await (await alice.Http.SubmitAsync(dataset, "not_a_column", 30)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("medv", noTarget.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await bob.Http.SubmitAsync(dataset, "medv", 30)).ProblemAsync(HttpStatusCode.NotFound);
        var tooLong = await (await alice.Http.SubmitAsync(dataset, "medv", 3600)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("300 seconds", tooLong.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, (await alice.Http.CreditsAsync()).GetProperty("held").GetInt64());
        Assert.Single(await alice.Http.EntriesAsync());
    }
}
