using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>
/// Data checks end to end: a planted leak and an id column are flagged by the ingest, shown before paying, left out of
/// training by default (the model scores as it does without them), and a leak can be put back.
/// </summary>
public sealed class DataCheckTests(LocalPlatformFactory platform) : IClassFixture<LocalPlatformFactory>
{
    [Fact]
    public async Task a_planted_leak_and_an_id_are_flagged_shown_in_the_quote_and_left_out_of_training_unless_kept()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.IngestAsync(LeakyCustomers.Csv(), "customers.csv");
        var id = dataset.GetProperty("id").GetString()!;

        // The ingest's checks, for the suggested target.
        Assert.Equal("churned", dataset.GetProperty("targetSuggestion").GetString());
        var checks = dataset.GetProperty("checks").EnumerateArray().ToList();
        var leak = Assert.Single(checks, c => c.GetProperty("code").GetString() == "target-leakage");
        Assert.Equal(["leak"], leak.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("critical", "churned", true), (leak.GetProperty("severity").GetString(), leak.GetProperty("target").GetString(), leak.GetProperty("excludedByDefault").GetBoolean()));
        Assert.Contains("'leak' alone predicts 'churned' almost perfectly", leak.GetProperty("message").GetString(), StringComparison.Ordinal);
        var identifier = Assert.Single(checks, c => c.GetProperty("code").GetString() == "identifier");
        Assert.Equal(["customer_id"], identifier.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));

        // Another target's checks on demand; the same target's match the ingest's.
        var forTarget = await (await user.Http.GetAsync($"/api/v1/datasets/{id}/checks?target=churned")).JsonAsync();
        Assert.Equal(["customer_id", "leak"], forTarget.GetProperty("excludedByDefault").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));
        var forX1 = await (await user.Http.GetAsync($"/api/v1/datasets/{id}/checks?target=x1")).JsonAsync();
        Assert.Equal("regression", forX1.GetProperty("task").GetString());
        Assert.DoesNotContain(forX1.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "target-leakage");
        await (await user.Http.GetAsync($"/api/v1/datasets/{id}/checks?target=nope")).ProblemAsync(HttpStatusCode.BadRequest);

        // Before paying: the quote names what training will leave out.
        var quote = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = id, target = "churned", budgetSeconds = 10 })).JsonAsync();
        Assert.Equal(["customer_id", "leak"], quote.GetProperty("excludedByChecks").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));

        var byDefault = await TrainAsync(user, new { datasetId = id, target = "churned", budgetSeconds = 10 });
        var withoutLeak = await TrainAsync(user, new { datasetId = id, target = "churned", budgetSeconds = 10, excludedColumns = new[] { "leak" } });
        var kept = await TrainAsync(user, new { datasetId = id, target = "churned", budgetSeconds = 10, keepColumns = new[] { "leak" } });

        Assert.Equal(["customer_id", "leak"], Names(byDefault, "excludedByChecks").Order(StringComparer.Ordinal));
        Assert.Equal(["customer_id"], Names(withoutLeak, "excludedByChecks"));
        Assert.Equal(["customer_id"], Names(kept, "excludedByChecks"));
        var (auc, honest, leaking) = (Score(byDefault), Score(withoutLeak), Score(kept));
        Assert.True(Math.Abs(auc - honest) < 0.03, $"left out by default {auc:0.000}, left out by hand {honest:0.000}");
        Assert.True(auc < 0.95, $"the default model scored {auc:0.000}: the leak was trained on");
        Assert.True(leaking > 0.99, $"kept, the leak wins ({leaking:0.000})");

        // An identifier cannot be kept: training never uses one.
        var keepId = await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = id, target = "churned", budgetSeconds = 10, keepColumns = new[] { "customer_id" } });
        Assert.Contains("customer_id is an identifier", (await keepId.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task every_other_targets_checks_come_from_the_ingest_so_asking_reads_no_sample()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.IngestAsync(LeakyCustomers.Csv(), "customers.csv");
        var id = dataset.GetProperty("id").GetString()!;
        // The sample a target's screen reads is gone: what follows can only come from the ingest's screen.
        var sampleKey = await platform.InDbAsync(db => db.Datasets.Where(d => d.Id == Guid.Parse(id)).Select(d => d.SampleKey).SingleAsync());
        await platform.Services.GetRequiredService<IBlobStore>().DeleteAsync(sampleKey!, CancellationToken.None);

        // 'leak' is churned plus a little noise: as a target, churned alone predicts it.
        var forLeak = await (await user.Http.GetAsync($"/api/v1/datasets/{id}/checks?target=leak")).JsonAsync();
        Assert.Equal("regression", forLeak.GetProperty("task").GetString());
        var leaking = Assert.Single(forLeak.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "target-leakage");
        Assert.Equal(["churned"], leaking.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("leak", leaking.GetProperty("target").GetString());
        Assert.Contains(forLeak.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "identifier");

        // A quote (the submission's own check) for another target reads them too: churned is left out of 'leak', not of 'x1'.
        var forLeakQuote = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = id, target = "leak", budgetSeconds = 10 })).JsonAsync();
        Assert.Equal(["churned", "customer_id"], Names(forLeakQuote, "excludedByChecks").Order(StringComparer.Ordinal));
        var forX1Quote = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = id, target = "x1", budgetSeconds = 10 })).JsonAsync();
        Assert.Equal(["customer_id"], Names(forX1Quote, "excludedByChecks"));
    }

    private static async Task<JsonElement> TrainAsync(BrowserClient user, object request)
    {
        var submitted = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", request)).JsonAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(submitted.GetProperty("id").GetString()!, j => j.Ended(), 180);
        Assert.Equal("succeeded", job.Status());
        return job;
    }

    private static double Score(JsonElement job) => job.GetProperty("bestScore").GetDouble();

    private static IEnumerable<string?> Names(JsonElement job, string property) => job.GetProperty(property).EnumerateArray().Select(c => c.GetString());
}
