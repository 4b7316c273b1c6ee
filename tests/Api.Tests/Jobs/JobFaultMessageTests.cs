using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Jobs;

public sealed class JobFaultMessageTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    [Fact]
    public async Task a_job_that_fails_on_our_side_shows_a_reference_not_the_exception_text()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        // Our storage loses the processed data: every attempt fails with an exception that names the blob's key.
        var key = await platform.InDbAsync(db => db.Datasets.Where(d => d.Id == Guid.Parse(dataset)).Select(d => d.ProcessedKey!).SingleAsync());
        await platform.Services.GetRequiredService<IBlobStore>().DeleteAsync(key, default);

        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 10)).JsonAsync(HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetString()!;
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
}
