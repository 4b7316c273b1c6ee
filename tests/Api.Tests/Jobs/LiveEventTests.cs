using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Api.Tests.Jobs;

public sealed class LiveEventTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    private HubConnection Connect(string apiKey, ConcurrentQueue<JsonElement> received) => EventsHubClient.Build(platform, apiKey, received);

    [Fact]
    public async Task a_client_sees_trials_live_and_after_reconnecting_gets_exactly_what_it_missed()
    {
        var user = await platform.SignUpAsync();
        var key = await platform.CreateApiKeyAsync(user);
        var dataset = await user.Http.ReadyDatasetAsync("ml/boston.csv");
        var first = new ConcurrentQueue<JsonElement>();
        var connection = Connect(key, first);
        // As every client does on connecting: ask for what came before the group subscription was live.
        await EventsHubClient.StartAsync(connection, resumeAfter: 0);

        var job = await (await user.Http.SubmitAsync(dataset, "medv", 10)).JsonAsync(HttpStatusCode.Accepted);
        var jobId = job.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!first.Any(e => e.GetProperty("type").GetString() == "trial.completed") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Contains(first, e => e.GetProperty("type").GetString() == "trial.completed");
        Assert.Contains(first, e => e.GetProperty("type").GetString() == "job.queued");
        await connection.DisposeAsync();
        var lastSeen = first.Max(e => e.GetProperty("seq").GetInt64());
        var firstSeqs = first.Select(e => e.GetProperty("seq").GetInt64()).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(1, firstSeqs.Count).Select(i => (long)i), firstSeqs);

        await user.Http.JobUntilAsync(jobId, j => j.Ended());
        // The ending's events (job.succeeded, then the capture's credits.changed) are stored after the status reads as
        // ended: resume once both are there, or the replay is compared with a stream that is still growing.
        var userId = await platform.InDbAsync(db => Task.FromResult(db.ApiKeys.Where(k => k.Prefix == key.Substring(0, 12)).Select(k => k.UserId).Single()));
        await Eventually.ReadAsync(
            () => platform.InDbAsync(db => Task.FromResult(db.JobEvents.Where(e => e.UserId == userId).OrderBy(e => e.Seq).Select(e => e.Type).ToList())),
            types => types.Contains("job.succeeded") && types.LastIndexOf("credits.changed") > types.IndexOf("job.succeeded"),
            "the job's job.succeeded and the capture's credits.changed");
        var missed = new ConcurrentQueue<JsonElement>();
        var again = Connect(key, missed);
        await again.StartAsync();
        var count = await again.InvokeAsync<int>("Resume", lastSeen);
        // The .NET client runs event handlers on a task of their own: Resume's answer can come before the last replayed event is handled.
        var replayDeadline = DateTime.UtcNow.AddSeconds(10);
        while (missed.Count(e => e.GetProperty("seq").GetInt64() > lastSeen) < count && DateTime.UtcNow < replayDeadline)
        {
            await Task.Delay(20);
        }
        await again.DisposeAsync();

        var all = await platform.InDbAsync(db => Task.FromResult(db.JobEvents
            .Where(e => e.UserId == userId)
            .OrderBy(e => e.Seq).Select(e => e.Seq).ToList()));
        var expected = all.Where(s => s > lastSeen).ToList();
        var got = missed.Select(e => e.GetProperty("seq").GetInt64()).Where(s => s > lastSeen).Distinct().Order().ToList();
        Assert.Equal(expected.Count, count);
        Assert.Equal(expected, got);
        Assert.Contains(missed, e => e.GetProperty("type").GetString() == "job.succeeded");
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all);
    }
}
