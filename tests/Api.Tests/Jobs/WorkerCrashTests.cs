using System.Net;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Jobs;

public sealed class WorkerCrashTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task a_job_whose_worker_is_killed_mid_training_runs_again_and_is_charged_once()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 20)).JsonAsync(HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetString()!;

        using (var doomed = WorkerProcess.Start(platform.ExternalWorkerEnvironment, "normal"))
        {
            await user.Http.JobUntilAsync(id, j => j.Status() == "running" && j.GetProperty("trials").GetInt32() >= 1, 90, 100);
            doomed.KillHard();
        }
        Assert.Equal("running", (await user.Http.JobAsync(id)).Status());

        using var survivor = WorkerProcess.Start(platform.ExternalWorkerEnvironment, "normal");
        var job = await user.Http.JobUntilAsync(id, j => j.Ended(), 150, 500);

        Assert.Equal("succeeded", job.Status());
        Assert.Equal(2, await platform.InDbAsync(db => Task.FromResult(db.Jobs.Single(j => j.Id == Guid.Parse(id)).Attempts)));
        var entries = await user.Http.EntriesAsync();
        var captures = entries.Where(e => e.GetProperty("kind").GetString() == "capture").ToList();
        Assert.Single(captures);
        Assert.Equal(-job.GetProperty("chargedCredits").GetInt64(), captures[0].GetProperty("amount").GetInt64());
        var credits = await user.Http.CreditsAsync();
        Assert.Equal(100 - job.GetProperty("chargedCredits").GetInt64(), credits.GetProperty("balance").GetInt64());
        Assert.Equal(0, credits.GetProperty("held").GetInt64());
    }
}
