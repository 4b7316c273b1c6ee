using System.Net;
using AutoMl.Api.Tests.Jobs;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Events;

public sealed class EventCrashTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task a_worker_that_dies_between_committing_a_job_success_and_sending_it_still_gets_job_succeeded_to_the_watching_client()
    {
        var user = await platform.SignUpAsync();
        var key = await platform.CreateApiKeyAsync(user);
        await using var hub = await EventsHubClient.ConnectAsync(platform, key);
        var dataset = await user.Http.ReadyDatasetAsync("ml/boston.csv");
        var submitted = await (await user.Http.SubmitAsync(dataset, "medv", 10)).JsonAsync(HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetString()!;

        // The only worker serving the job's queue is a process of its own, told to end itself (Environment.FailFast)
        // right after the transaction that ends the job commits, before it sends job.succeeded.
        var environment = new Dictionary<string, string>(platform.ExternalWorkerEnvironment)
        {
            ["AutoMl__Events__CrashAfterCommitFor"] = "job.succeeded",
        };
        using var doomed = WorkerProcess.Start(environment, "normal");
        Assert.True(await doomed.ExitedWithinAsync(150), "The worker should have ended itself after committing the job's success.");
        Assert.Equal("succeeded", (await user.Http.JobAsync(id)).Status());

        // The API's relay sends what the dead worker could not.
        var succeeded = await hub.WaitForAsync(e => e.GetProperty("type").GetString() == "job.succeeded" && e.GetProperty("jobId").GetString() == id, 30);
        Assert.NotNull(succeeded);
        var settled = await hub.WaitForAsync(e => e.GetProperty("type").GetString() == "credits.changed"
            && e.GetProperty("data").GetProperty("reason").GetString() != "hold"
            && e.GetProperty("data").GetProperty("jobId").GetString() == id, 30);
        Assert.NotNull(settled);
    }
}
