using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>The Settings page's notification switches decide which of a job's mails go out.</summary>
public sealed class NotificationSettingsTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    [Fact]
    public async Task with_both_notifications_off_a_finished_job_that_crosses_the_low_balance_line_mails_nothing()
    {
        var email = ApiFactory.NewEmail();
        var user = await platform.SignUpAsync(email);
        await (await user.Http.PatchAsJsonAsync("/api/v1/me", new { notifyJobFinished = false, notifyLowBalance = false })).EnsureStatusAsync(HttpStatusCode.OK);
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");

        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 12)).JsonAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(submitted.GetProperty("id").GetString()!, j => j.Ended());

        // The same job with the switches on mails both (TrainingJobTests): a charge below 100 crosses the line here too.
        Assert.Equal("succeeded", job.Status());
        Assert.True(job.GetProperty("chargedCredits").GetInt64() > 0);
        var mails = await platform.InDbAsync(db => db.OutboxEmails.Where(e => e.To == email && e.Template != "verify-email").Select(e => e.Template).ToListAsync());
        Assert.Empty(mails);
    }
}
