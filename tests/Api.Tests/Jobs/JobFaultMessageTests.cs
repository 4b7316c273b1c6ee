using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Jobs;

public sealed class JobFaultMessageTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    [Fact]
    public async Task a_job_that_fails_on_our_side_shows_a_reference_not_the_exception_text()
    {
        var (user, id, key) = await StartJobWhoseDataIsLostAsync();
        // What the user sees once the first attempt failed and the job waits for its retry.
        var job = await user.Http.JobUntilAsync(id, j => j.GetProperty("error").GetString() is not null, 60, 250);

        var error = job.GetProperty("error").GetString()!;
        Assert.Matches("reference [0-9a-f]{32}", error);
        var events = await (await user.Http.GetAsync($"/api/v1/jobs/{id}/events")).JsonAsync();
        Assert.All(new[] { error, events.GetRawText() }, text =>
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            Assert.DoesNotContain("No blob", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task a_job_that_keeps_failing_on_our_side_ends_failed_and_refunded_instead_of_holding_its_credits()
    {
        var (user, id, _) = await StartJobWhoseDataIsLostAsync();
        // Each retry must come back on the job's own queue: on Hangfire's "default" queue no worker would ever run it.
        var job = await user.Http.JobUntilAsync(id, j => j.GetProperty("status").GetString() == "failed", 180, 500);

        Assert.Contains($"after {JobAttempts.Max} attempts", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JobAttempts.Max, await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == Guid.Parse(id)).Select(j => j.Attempts).SingleAsync()));
        var credits = await (await user.Http.GetAsync("/api/v1/credits")).JsonAsync();
        Assert.Equal((100L, 0L), (credits.GetProperty("balance").GetInt64(), credits.GetProperty("held").GetInt64()));
    }

    /// <summary>Our storage loses the processed data: every attempt fails with an exception that names the blob's key.</summary>
    private async Task<(BrowserClient User, string JobId, string BlobKey)> StartJobWhoseDataIsLostAsync()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        var key = await platform.InDbAsync(db => db.Datasets.Where(d => d.Id == Guid.Parse(dataset)).Select(d => d.ProcessedKey!).SingleAsync());
        await platform.Services.GetRequiredService<IBlobStore>().DeleteAsync(key, default);
        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 10)).JsonAsync(HttpStatusCode.Accepted);
        return (user, submitted.GetProperty("id").GetString()!, key);
    }
}
