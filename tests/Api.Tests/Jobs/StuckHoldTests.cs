using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Jobs;
using AutoMl.Workers.Credits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Jobs;

public sealed class StuckHoldTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task a_cancelled_job_whose_worker_died_ends_cancelled_and_releases_its_hold()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 60)).JsonAsync(HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetString()!;

        using (var doomed = WorkerProcess.Start(platform.ExternalWorkerEnvironment, "normal"))
        {
            await user.Http.JobUntilAsync(id, j => j.Status() == "running" && j.GetProperty("trials").GetInt32() >= 1, 90, 100);
            doomed.KillHard();
        }
        // The user cancels while nobody runs the job: no worker will ever see the request.
        await (await user.Http.PostAsync($"/api/v1/jobs/{id}/cancel", null)).EnsureStatusAsync(HttpStatusCode.Accepted);

        var job = await user.Http.JobUntilAsync(id, j => j.Ended(), 90, 500);

        Assert.Equal("cancelled", job.Status());
        Assert.Equal(0, job.GetProperty("chargedCredits").GetInt64());
        var credits = await user.Http.CreditsAsync();
        Assert.Equal(0, credits.GetProperty("held").GetInt64());
        Assert.Equal(100, credits.GetProperty("balance").GetInt64());
        var entries = await user.Http.EntriesAsync();
        Assert.Equal(-submitted.GetProperty("heldCredits").GetInt64(),
            entries.Single(e => e.GetProperty("kind").GetString() == "release").GetProperty("heldChange").GetInt64());
    }

    [Fact]
    public async Task reconciliation_releases_a_hold_left_by_a_finished_job()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        var ended = await (await user.Http.SubmitAsync(dataset, "diabetes", 30)).JsonAsync(HttpStatusCode.Accepted);
        var gone = await (await user.Http.SubmitAsync(dataset, "diabetes", 30)).JsonAsync(HttpStatusCode.Accepted);
        var live = await (await user.Http.SubmitAsync(dataset, "diabetes", 30)).JsonAsync(HttpStatusCode.Accepted);
        var held = ended.GetProperty("heldCredits").GetInt64();
        Assert.Equal(3 * held, (await user.Http.CreditsAsync()).GetProperty("held").GetInt64());
        // What a lost write leaves behind: one job ended without settling its hold, another's row is gone.
        var endedId = Guid.Parse(ended.GetProperty("id").GetString()!);
        var goneId = Guid.Parse(gone.GetProperty("id").GetString()!);
        await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == endedId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.FinishedAt, DateTimeOffset.UtcNow)));
        await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == goneId).ExecuteDeleteAsync());

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var drift = await scope.ServiceProvider.GetRequiredService<ReconciliationJob>().RunAsync(default);
            Assert.Empty(drift);
        }

        var credits = await user.Http.CreditsAsync();
        Assert.Equal(held, credits.GetProperty("held").GetInt64());
        Assert.Equal(100, credits.GetProperty("balance").GetInt64());
        var releases = (await user.Http.EntriesAsync()).Where(e => e.GetProperty("kind").GetString() == "release").ToList();
        Assert.Equal(2, releases.Count);
        Assert.All(releases, r => Assert.Contains("reconciliation", r.GetProperty("reference").GetString(), StringComparison.Ordinal));
        Assert.Equal("queued", (await user.Http.JobAsync(live.GetProperty("id").GetString()!)).Status());

        // A second run finds nothing more to release.
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReconciliationJob>().RunAsync(default);
        }
        Assert.Equal(2, (await user.Http.EntriesAsync()).Count(e => e.GetProperty("kind").GetString() == "release"));
        await (await user.Http.PostAsync($"/api/v1/jobs/{live.GetProperty("id").GetString()}/cancel", null)).EnsureStatusAsync(HttpStatusCode.Accepted);
    }
}
