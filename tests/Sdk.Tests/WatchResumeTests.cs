using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class WatchResumeTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task watch_survives_a_dropped_connection_without_losing_or_repeating_an_event()
    {
        using var client = await platform.NewUserClientAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("penguins.csv"))).Id);
        var job = await client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "species", BudgetSeconds = 10 });

        var events = new List<JobEvent>();
        var socketsBefore = platform.Sockets.Count;
        var drops = 0;
        await foreach (var e in client.Jobs.WatchAsync(job.Id))
        {
            events.Add(e);
            // Drop the transport twice mid-job: once right after the start, once after the first trial.
            if ((e.Type == JobEventTypes.Started && drops == 0) || (e.Type == JobEventTypes.TrialCompleted && drops == 1))
            {
                drops++;
                platform.Sockets.Last().Abort();
                await Task.Delay(300); // events published meanwhile reach no connection: only the resume can bring them
            }
        }

        Assert.Equal(2, drops);
        // At least one drop was followed by a new connection; the job may end before the second one reconnects,
        // in which case the SDK completes the stream from GET /jobs/{id}/events (checked below: nothing lost or repeated).
        Assert.True(platform.Sockets.Count - socketsBefore >= 2, "a drop opened a new connection");
        Assert.Equal(JobEventTypes.Succeeded, events[^1].Type);
        var stored = await client.Jobs.GetEventsAsync(job.Id);
        Assert.Equal(stored.Select(e => e.Seq), events.Select(e => e.Seq));
        Assert.Equal(events.Count, events.Select(e => e.Seq).Distinct().Count());
    }
}
