using System.Net;
using System.Net.Http.Json;
using System.Text;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using AutoMl.Workers.Workflows;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMl.Api.Tests.Workflows;

/// <summary>What starts a workflow run: a schedule (on Hangfire, in a time zone), new versions (debounced), "run now"; and what stops one.</summary>
public sealed class WorkflowTriggerTests(LocalPlatformFactory platform) : IClassFixture<LocalPlatformFactory>
{
    [Fact]
    public async Task a_schedule_fires_once_per_occurrence_skips_late_and_busy_ones_and_never_piles_up_missed_ones()
    {
        var (user, _) = await WorkflowSteps.UserWithCreditsAsync(platform);
        var http = user.Http;
        var data = await http.IngestAsync(WorkflowSteps.Csv(800), "shop.csv");
        var workflow = await http.CreateWorkflowAsync(new
        {
            name = "Hourly",
            datasetId = data.Str("id"),
            target = "label",
            budgetSeconds = 10,
            registeredModel = "hourly-model",
            schedule = new { cron = "0 * * * *", timeZone = "Europe/Paris" },
        });
        var id = Guid.Parse(workflow.Str("id"));
        var next = workflow.GetProperty("nextRunAt").GetDateTimeOffset();
        Assert.Equal(0, next.Minute);
        Assert.InRange(next - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(1));

        // The schedule is a Hangfire recurring job in its time zone, due at the next hour.
        using (var connection = platform.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = Assert.Single(connection.GetRecurringJobs(), r => r.Id == WorkflowSchedules.RecurringId(id));
            Assert.Equal("0 * * * *", recurring.Cron);
            Assert.Equal("Europe/Paris", recurring.TimeZoneId);
            Assert.Equal(next.UtcDateTime, recurring.NextExecution);
        }

        var today = DateTimeOffset.UtcNow.Date;
        var at10 = new DateTimeOffset(today.AddHours(10), TimeSpan.Zero);
        Assert.Equal("Started", await FireAtAsync(id, at10.AddSeconds(20)));
        Assert.Equal("Duplicate", await FireAtAsync(id, at10.AddSeconds(50)));
        // A firing twenty minutes late (a worker was down) starts nothing: that occurrence is gone.
        Assert.Equal("late", await FireAtAsync(id, at10.AddMinutes(20)));
        // The next occurrence comes while the first run still trains: recorded as skipped, not queued behind it.
        Assert.Equal("Ended", await FireAtAsync(id, at10.AddHours(1).AddSeconds(5)));

        var runs = await http.RunsAsync(id.ToString());
        Assert.Equal(2, runs.Count);
        var skipped = runs[0];
        Assert.Equal("skipped", skipped.Str("status"));
        Assert.Contains("still training", skipped.Str("reason"), StringComparison.Ordinal);
        Assert.Equal(at10.AddHours(1), skipped.GetProperty("scheduledFor").GetDateTimeOffset());
        var first = runs[1];
        Assert.Equal("schedule", first.Str("trigger"));
        Assert.Equal(at10, first.GetProperty("scheduledFor").GetDateTimeOffset());
        Assert.Equal("promoted", (await http.RunEndedAsync(id.ToString(), first.Str("id"))).Str("status"));

        // Workers down from 11:00 to 14:00: one run for 14:00, none for 12:00 or 13:00.
        Assert.Equal("Started", await FireAtAsync(id, at10.AddHours(4).AddSeconds(3)));
        runs = await http.RunsAsync(id.ToString());
        Assert.Equal(3, runs.Count);
        Assert.Equal(at10.AddHours(4), runs[0].GetProperty("scheduledFor").GetDateTimeOffset());
        await http.RunEndedAsync(id.ToString(), runs[0].Str("id"));

        // Paused, the schedule leaves Hangfire; resumed, it is back.
        await (await http.PostAsync($"/api/v1/workflows/{id}/pause", null)).JsonAsync();
        using (var connection = platform.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.DoesNotContain(connection.GetRecurringJobs(), r => r.Id == WorkflowSchedules.RecurringId(id));
        }
        var resumed = await (await http.PostAsync($"/api/v1/workflows/{id}/resume", null)).JsonAsync();
        Assert.False(resumed.GetProperty("paused").GetBoolean());
        using (var connection = platform.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Contains(connection.GetRecurringJobs(), r => r.Id == WorkflowSchedules.RecurringId(id));
        }
    }

    [Fact]
    public async Task ten_uploads_within_the_debounce_make_one_run_on_the_newest_version()
    {
        var (user, _) = await WorkflowSteps.UserWithCreditsAsync(platform);
        var http = user.Http;
        var data = await http.IngestAsync(WorkflowSteps.Csv(600), "shop.csv");
        var workflow = await http.CreateWorkflowAsync(new
        {
            name = "On new data",
            datasetId = data.Str("id"),
            target = "label",
            budgetSeconds = 10,
            registeredModel = "debounced-model",
            onNewVersion = true,
            debounceSeconds = 12,
        });
        var id = workflow.Str("id");
        for (var i = 0; i < 10; i++)
        {
            (await http.PostVersionAsync(data.Str("id"), WorkflowSteps.Csv(600 + 10 * i))).EnsureSuccessStatusCode();
        }
        var runs = await http.RunsUntilAsync(id, r => r.Count > 0, timeoutSeconds: 60);
        var run = Assert.Single(runs);
        Assert.Equal(11, run.GetProperty("datasetVersion").GetInt32());
        await http.RunEndedAsync(id, run.Str("id"));
        // Every upload's delivery has come due by now (the last started the run): still one run.
        Assert.Single(await http.RunsAsync(id));
    }

    [Fact]
    public async Task a_version_that_cannot_be_read_ends_its_run_failed_with_the_reason()
    {
        var (user, userId) = await WorkflowSteps.UserWithCreditsAsync(platform);
        var http = user.Http;
        var data = await http.IngestAsync(WorkflowSteps.Csv(600), "shop.csv");
        var workflow = await http.CreateWorkflowAsync(new
        {
            name = "Broken upload",
            datasetId = data.Str("id"),
            target = "label",
            budgetSeconds = 10,
            registeredModel = "broken-model",
            onNewVersion = true,
            debounceSeconds = 5,
        });
        (await http.PostVersionAsync(data.Str("id"), Encoding.UTF8.GetBytes("when,x1,x2,shop,label\n"))).EnsureSuccessStatusCode();
        var run = (await http.RunsUntilAsync(workflow.Str("id"), r => r.Count > 0 && r[0].Str("status") != "training"))[0];
        Assert.Equal("failed", run.Str("status"));
        Assert.Contains("Version 2 of the data set could not be read", run.Str("reason"), StringComparison.Ordinal);
        Assert.Equal(0, run.GetProperty("creditsUsed").GetInt64());
        Assert.True(await platform.InDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.OutboxEmails, e => e.UserId == userId && e.Template == "workflow-run-failed")));
    }

    [Fact]
    public async Task the_monthly_credit_cap_stops_runs_with_a_clear_reason_and_the_run_cap_is_checked_when_created()
    {
        var (user, _) = await WorkflowSteps.UserWithCreditsAsync(platform);
        var http = user.Http;
        var data = await http.IngestAsync(WorkflowSteps.Csv(600), "shop.csv");
        var quote = await (await http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = data.Str("id"), target = "label", budgetSeconds = 10 })).JsonAsync();
        var price = quote.GetProperty("credits").GetInt64();

        var tooLow = await http.PostAsJsonAsync("/api/v1/workflows", new
        {
            name = "Too cheap",
            datasetId = data.Str("id"),
            target = "label",
            budgetSeconds = 300,
            registeredModel = "capped-model",
            runCreditCap = 1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLow.StatusCode);
        Assert.Contains("over the per-run cap", await tooLow.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var workflow = await http.CreateWorkflowAsync(new
        {
            name = "Capped",
            datasetId = data.Str("id"),
            target = "label",
            budgetSeconds = 10,
            registeredModel = "capped-model",
            runCreditCap = price,
            monthlyCreditCap = price,
        });
        var id = workflow.Str("id");
        var first = await (await http.PostAsync($"/api/v1/workflows/{id}/runs", null)).JsonAsync(HttpStatusCode.Created);
        var ended = await http.RunEndedAsync(id, first.Str("id"));
        Assert.InRange(ended.GetProperty("creditsUsed").GetInt64(), 1, price);

        var balance = (await http.CreditsAsync()).GetProperty("balance").GetInt64();
        var stopped = await (await http.PostAsync($"/api/v1/workflows/{id}/runs", null)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("skipped", stopped.Str("status"));
        Assert.Contains("monthly credit cap", stopped.Str("reason"), StringComparison.Ordinal);
        Assert.Null(stopped.GetProperty("jobId").GetString());
        Assert.Equal(balance, (await http.CreditsAsync()).GetProperty("balance").GetInt64());
        var view = await (await http.GetAsync($"/api/v1/workflows/{id}")).JsonAsync();
        Assert.Equal(ended.GetProperty("creditsUsed").GetInt64(), view.GetProperty("creditsThisMonth").GetInt64());
    }

    /// <summary>Fires the workflow's schedule as Hangfire would, at <paramref name="at"/> by the job's clock.</summary>
    private async Task<string> FireAtAsync(Guid workflowId, DateTimeOffset at)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var clock = new MovableClock();
        clock.Pin(at);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AutoMlDbContext>();
        var starter = new WorkflowRunStarter(db, services.GetRequiredService<Infrastructure.Jobs.JobAdmitter>(),
            services.GetRequiredService<Infrastructure.Email.EmailTemplates>(), clock);
        var before = await CountAsync(workflowId);
        var job = new WorkflowScheduleJob(db, starter, services.GetRequiredService<WorkflowSchedules>(), clock, NullLogger<WorkflowScheduleJob>.Instance);
        var outcome = await job.FireAndTellAsync(workflowId, default);
        Assert.True(outcome != "Started" || await CountAsync(workflowId) == before + 1);
        return outcome;
    }

    private Task<int> CountAsync(Guid workflowId) =>
        platform.InDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.WorkflowRuns, r => r.WorkflowId == workflowId));
}
