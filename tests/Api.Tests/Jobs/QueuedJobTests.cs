using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>Jobs that stay queued (no worker serves their queue), to test what happens before a worker runs them.</summary>
public sealed class QueuedJobTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task fifty_parallel_submissions_from_a_user_whose_balance_covers_ten_accept_exactly_ten()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();
        // 300 s on the free tier costs 10 credits on a small table, and the sign-up bonus is 100.
        var price = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = dataset, target = "species", budgetSeconds = 300 })).JsonAsync();
        Assert.Equal(10, price.GetProperty("credits").GetInt64());

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => user.Http.SubmitAsync(dataset, "species", 300)));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(40, refused.Count);
        foreach (var response in refused)
        {
            var problem = await response.ProblemAsync(HttpStatusCode.PaymentRequired);
            Assert.Contains("available", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var credits = await user.Http.CreditsAsync();
        Assert.Equal(100, credits.GetProperty("balance").GetInt64());
        Assert.Equal(100, credits.GetProperty("held").GetInt64());
        Assert.Equal(0, credits.GetProperty("available").GetInt64());
        var entries = await user.Http.EntriesAsync();
        Assert.Equal(100, entries.Sum(e => e.GetProperty("amount").GetInt64()));
        Assert.Equal(100, entries.Sum(e => e.GetProperty("heldChange").GetInt64()));
        var jobs = await (await user.Http.GetAsync("/api/v1/jobs")).JsonAsync();
        Assert.Equal(10, jobs.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task after_redis_loses_the_queue_the_dispatcher_enqueues_every_queued_job_again()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await (await user.Http.SubmitAsync(dataset, "species", 30)).JsonAsync(HttpStatusCode.Accepted)).GetProperty("id").GetString()!);
        }
        var monitoring = platform.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.True(monitoring.EnqueuedCount("normal") >= 3);

        // What a flushed Redis leaves: no Hangfire keys of this platform at all.
        var redis = platform.Services.GetRequiredService<IConnectionMultiplexer>();
        var server = redis.GetServers()[0];
        var prefix = platform.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.PlatformOptions>>().Value.RedisPrefix;
        foreach (var key in server.Keys(pattern: prefix + "hangfire:*").ToList())
        {
            await redis.GetDatabase().KeyDeleteAsync(key);
        }
        Assert.Equal(0, monitoring.EnqueuedCount("normal"));

        // The worker's dispatcher (every 5 s) notices that Hangfire no longer holds them.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        using var connection = platform.Services.GetRequiredService<JobStorage>().GetConnection();
        bool AllHeld() => platform.InDbAsync(db => Task.FromResult(db.Jobs.Where(j => ids.Contains(j.Id.ToString())).Select(j => j.HangfireJobId).ToList()))
            .Result.All(h => h is not null && connection.GetStateData(h)?.Name == "Enqueued");
        while (!AllHeld() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(AllHeld(), "some queued jobs were not enqueued again within 30 s");
        Assert.True(monitoring.EnqueuedCount("normal") >= 3);
        foreach (var id in ids)
        {
            Assert.Equal("queued", (await user.Http.JobAsync(id)).Status());
        }
    }

    [Fact]
    public async Task a_job_whose_data_set_is_gone_when_a_worker_takes_it_fails_refunds_its_hold_and_mails_why()
    {
        var email = ApiFactory.NewEmail();
        var user = await platform.SignUpAsync(email);
        var dataset = await user.Http.ReadyDatasetAsync();
        var job = await (await user.Http.SubmitAsync(dataset, "species", 60)).JsonAsync(HttpStatusCode.Accepted);
        var id = Guid.Parse(job.GetProperty("id").GetString()!);
        await (await user.Http.DeleteAsync($"/api/v1/datasets/{dataset}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        // No worker here serves the training queue: run the delivery the way a worker would.
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.ITrainJob>().RunAsync(id, CancellationToken.None);
        }

        var failed = await user.Http.JobAsync(id.ToString());
        Assert.Equal("failed", failed.Status());
        Assert.Contains("data set was deleted", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, failed.GetProperty("chargedCredits").GetInt64());
        var credits = await user.Http.CreditsAsync();
        Assert.Equal((100L, 0L), (credits.GetProperty("balance").GetInt64(), credits.GetProperty("held").GetInt64()));
        var events = (await (await user.Http.GetAsync($"/api/v1/jobs/{id}/events")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["job.queued", "job.started", "job.failed"], events);
        var mail = await platform.InDbAsync(db => db.OutboxEmails.SingleAsync(e => e.To == email && e.Template == "job-failed"));
        Assert.Contains("data set was deleted", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("No credits were charged", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_delivery_stored_by_the_version_before_training_and_prediction_were_split_still_runs_its_job()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();
        var job = await (await user.Http.SubmitAsync(dataset, "species", 60)).JsonAsync(HttpStatusCode.Accepted);
        var id = Guid.Parse(job.GetProperty("id").GetString()!);
        await (await user.Http.DeleteAsync($"/api/v1/datasets/{dataset}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        // Hangfire resolves the type it stored: an IRunJob enqueued (or retried) by the previous version.
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.IRunJob>().RunAsync(id, CancellationToken.None);
        }

        var failed = await user.Http.JobAsync(id.ToString());
        Assert.Equal("failed", failed.Status());
        Assert.Contains("data set was deleted", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var credits = await user.Http.CreditsAsync();
        Assert.Equal((100L, 0L), (credits.GetProperty("balance").GetInt64(), credits.GetProperty("held").GetInt64()));
    }

    [Fact]
    public async Task cancelling_a_queued_job_releases_its_whole_hold()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();
        var job = await (await user.Http.SubmitAsync(dataset, "species", 60)).JsonAsync(HttpStatusCode.Accepted);
        var id = job.GetProperty("id").GetString();

        var cancelled = await (await user.Http.PostAsync($"/api/v1/jobs/{id}/cancel", null)).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("cancelled", cancelled.Status());
        Assert.Equal(0, cancelled.GetProperty("chargedCredits").GetInt64());
        var credits = await user.Http.CreditsAsync();
        Assert.Equal((100L, 0L), (credits.GetProperty("balance").GetInt64(), credits.GetProperty("held").GetInt64()));
        await (await user.Http.PostAsync($"/api/v1/jobs/{id}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);
    }
}
