using System.Text.Json.Serialization;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class TrainingTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task upload_train_watch_wait_predict_and_download_work_end_to_end()
    {
        using var client = await platform.NewUserClientAsync();
        var reported = new List<long>();
        var dataset = await client.Datasets.UploadFileAsync(Data.File("penguins.csv"), new SyncProgress<long>(reported.Add));
        Assert.Equal(new FileInfo(Data.File("penguins.csv")).Length, reported[^1]);

        dataset = await client.Datasets.WaitUntilSettledAsync(dataset.Id);
        Assert.Equal(DatasetStatuses.Ready, dataset.Status);
        Assert.Contains(dataset.Columns!, c => c.Name == "species");

        var job = await client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "species", BudgetSeconds = 10 });
        Assert.Equal(JobStatuses.Queued, job.Status);

        var events = new List<JobEvent>();
        await foreach (var e in client.Jobs.WatchAsync(job.Id))
        {
            events.Add(e);
        }
        Assert.Equal(JobEventTypes.Queued, events[0].Type);
        Assert.Equal(JobEventTypes.Succeeded, events[^1].Type);
        Assert.Contains(events, e => e.Type == JobEventTypes.TrialCompleted);
        var stored = await client.Jobs.GetEventsAsync(job.Id);
        Assert.Equal(stored.Select(e => e.Seq), events.Select(e => e.Seq));

        job = await client.Jobs.WaitForCompletionAsync(job.Id);
        Assert.Equal(JobStatuses.Succeeded, job.Status);
        var modelId = job.ModelId!.Value;

        var leaderboard = await client.Models.GetLeaderboardAsync(modelId);
        Assert.NotEmpty(leaderboard);
        Assert.True(leaderboard.SequenceEqual(leaderboard.OrderBy(t => t.Score)), "logloss: the lowest score leads");

        var byDictionary = await client.Models.PredictAsync(modelId, [
            new Dictionary<string, object?> { ["island"] = "Torgersen", ["bill_length_mm"] = 39.1, ["bill_depth_mm"] = 18.7, ["flipper_length_mm"] = 181, ["body_mass_g"] = 3750, ["sex"] = "male" },
        ]);
        Assert.Equal("Adelie", byDictionary.Single().Label);

        var typed = await client.Models.PredictRowsAsync(modelId, [new Penguin("Biscoe", 50.0, 15.3, 220, 5550, "male"), new Penguin("Torgersen", 39.1, 18.7, 181, 3750, "male")]);
        Assert.Equal(["Gentoo", "Adelie"], typed.Select(p => p.Label));
        Assert.All(typed, p => Assert.Equal(1.0, p.Probabilities!.Values.Sum(), 3));

        using var bundle = new MemoryStream();
        await client.Models.DownloadAsync(modelId, bundle);
        var model = await client.Models.GetAsync(modelId);
        Assert.Equal(model.BundleBytes, bundle.Length);
        Assert.Equal((byte)'P', bundle.ToArray()[0]); // a zip
    }

    [Fact]
    public async Task a_budget_the_credits_cannot_cover_throws_InsufficientCreditsException()
    {
        using var client = await platform.NewUserClientAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("penguins.csv"))).Id);
        var request = new JobRequest { DatasetId = dataset.Id, Target = "species", BudgetSeconds = 300 };
        var quote = await client.Jobs.QuoteAsync(request);
        Assert.True(quote.Credits > quote.Available, $"the quote ({quote.Credits}) must exceed the sign-up credits ({quote.Available})");

        var refused = await Assert.ThrowsAsync<InsufficientCreditsException>(() => client.Jobs.SubmitAsync(request));

        Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal("Not enough credits", refused.Title);
        Assert.Contains("available", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(SdkPlatformFactory.SignupCredits, (await client.Credits.GetBalanceAsync()).Available);
    }

    private sealed record Penguin(
        [property: JsonPropertyName("island")] string Island,
        [property: JsonPropertyName("bill_length_mm")] double BillLength,
        [property: JsonPropertyName("bill_depth_mm")] double BillDepth,
        [property: JsonPropertyName("flipper_length_mm")] double FlipperLength,
        [property: JsonPropertyName("body_mass_g")] double BodyMass,
        [property: JsonPropertyName("sex")] string Sex);
}
