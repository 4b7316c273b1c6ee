using System.Net;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>A data problem the engine finds during training is the user's, not ours: the job ends at once, refunded, never retried.</summary>
public sealed class DataErrorTrainingTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    [Fact]
    public async Task a_data_problem_found_in_training_ends_the_job_after_one_attempt_with_a_full_refund()
    {
        var user = await platform.SignUpAsync();
        // Passes the checks before paying (two classes, 60 labelled rows), but its only other column is an identifier,
        // which the engine never learns from.
        var dataset = await user.Http.ReadyDatasetAsync("errors/ids_only.csv");
        var submitted = await (await user.Http.SubmitAsync(dataset, "churn", 10)).JsonAsync(HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetString()!;

        var job = await user.Http.JobUntilAsync(id, j => j.Ended(), 60, 250);

        Assert.Equal("failed", job.Status());
        var error = job.GetProperty("error").GetString()!;
        Assert.StartsWith("Your data cannot be trained on: No column is left to learn from", error, StringComparison.Ordinal);
        Assert.EndsWith("Your credits were refunded.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(0, job.GetProperty("chargedCredits").GetInt64());
        Assert.Equal(1, await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == Guid.Parse(id)).Select(j => j.Attempts).SingleAsync()));
        var events = await (await user.Http.GetAsync($"/api/v1/jobs/{id}/events")).JsonAsync();
        Assert.Single(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "job.started");
        var credits = await user.Http.CreditsAsync();
        Assert.Equal((100L, 0L), (credits.GetProperty("balance").GetInt64(), credits.GetProperty("held").GetInt64()));
    }
}
