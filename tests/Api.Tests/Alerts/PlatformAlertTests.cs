using System.Net;
using System.Text;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Email;
using AutoMl.Workers.Alerts;
using AutoMl.Workers.Credits;
using AutoMl.Workers.Jobs;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Tests.Alerts;

/// <summary>
/// Each alert rule through its whole life, as the minutely job sees it: the condition appears → one email to every admin;
/// the next run → no second email; the condition goes → the alert clears; it comes back within the cool-down → an open
/// alert but no email; once the cool-down has passed → emailed again.
/// </summary>
public sealed class PlatformAlertTests(AlertsFactory platform) : IClassFixture<AlertsFactory>
{
    [Fact]
    public void the_worker_registers_the_alerts_job_every_minute_on_the_low_queue()
    {
        using var connection = platform.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs(), r => r.Id == PlatformAlertsJob.RecurringId);
        Assert.Equal(Cron.Minutely(), recurring.Cron);
        Assert.Equal("low", recurring.Job.Queue);
        Assert.Equal(typeof(PlatformAlertsJob), recurring.Job.Type);
    }

    [Fact]
    public async Task ledger_drift_injected_in_sql_emails_the_admins_once_and_clears_when_the_balance_is_right_again()
    {
        var admins = await AdminsAsync();
        var user = await platform.SignUpAsync();
        var userId = await UserIdAsync(user);
        var alert = await CycleAsync(AlertRules.LedgerDrift, admins, o => o.LedgerDrift,
            inject: () => SqlAsync($"UPDATE credit_accounts SET balance = balance + 7 WHERE user_id = '{userId}'"),
            clear: () => SqlAsync("UPDATE credit_accounts a SET balance = (SELECT COALESCE(SUM(e.amount), 0) FROM credit_entries e WHERE e.user_id = a.user_id)"));
        Assert.Equal("Critical", alert.Severity.ToString());
        Assert.Contains(userId.ToString(), alert.Message, StringComparison.Ordinal);
        Assert.Contains("balance 107 but entries sum to 100", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_job_hangfire_gave_up_on_emails_the_admins_once_and_clears_when_it_is_deleted_from_the_failed_list()
    {
        var admins = await AdminsAsync();
        var alert = await CycleAsync(AlertRules.DeadJobs, admins, o => o.DeadJobs,
            inject: () =>
            {
                var client = platform.Services.GetRequiredService<IBackgroundJobClient>();
                client.Create(Hangfire.Common.Job.FromExpression<ReconciliationJob>(j => j.RunAsync(CancellationToken.None)),
                    new FailedState(new InvalidOperationException("the ledger database went away")));
                return Task.CompletedTask;
            },
            clear: () =>
            {
                var storage = platform.Services.GetRequiredService<JobStorage>();
                var client = platform.Services.GetRequiredService<IBackgroundJobClient>();
                foreach (var failed in storage.GetMonitoringApi().FailedJobs(0, 1000))
                {
                    client.Delete(failed.Key);
                }
                return Task.CompletedTask;
            });
        Assert.Contains("ReconciliationJob.RunAsync", alert.Message, StringComparison.Ordinal);
        Assert.Contains("/hangfire/jobs/failed", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_pro_job_waiting_past_thirty_seconds_emails_the_admins_once_and_clears_when_it_starts()
    {
        var admins = await AdminsAsync();
        var user = await platform.SignUpAsync();
        var userId = await UserIdAsync(user);
        await SqlAsync($"UPDATE users SET tier = 'Pro' WHERE id = '{userId}'");
        var injected = new List<Guid>();
        var options = platform.Services.GetRequiredService<IOptions<AlertOptions>>().Value;
        Assert.Equal(30, options.QueueWaitPro.Threshold);
        Assert.Equal(180, options.QueueWaitFree.Threshold);

        var alert = await CycleAsync(AlertRules.QueueWaitPro, admins, o => o.QueueWaitPro,
            inject: async () => injected.Add(await QueuedJobAsync(userId, platform.Clock.GetUtcNow().AddSeconds(-45))),
            clear: () => platform.InDbAsync(db => db.Jobs.Where(j => injected.Contains(j.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAt, platform.Clock.GetUtcNow()))));
        Assert.Contains("longest-waiting Pro job", alert.Message, StringComparison.Ordinal);
        Assert.Contains("target 30 s", alert.Message, StringComparison.Ordinal);
        await platform.InDbAsync(db => db.Jobs.Where(j => injected.Contains(j.Id)).ExecuteDeleteAsync());

        // A free job 45 s old is within its tier's three minutes, and a job queued behind its owner's running one waits on its owner.
        var free = await platform.SignUpAsync();
        var freeId = await UserIdAsync(free);
        var waiting = await QueuedJobAsync(freeId, platform.Clock.GetUtcNow().AddSeconds(-45));
        var changes = await RunAsync();
        Assert.NotEqual(AlertChange.Opened, changes[AlertRules.QueueWaitFree]);
        Assert.NotEqual(AlertChange.Notified, changes[AlertRules.QueueWaitFree]);
        var running = await QueuedJobAsync(freeId, platform.Clock.GetUtcNow().AddMinutes(-20));
        await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == running).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running)));
        await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == waiting).ExecuteUpdateAsync(s => s.SetProperty(j => j.CreatedAt, platform.Clock.GetUtcNow().AddMinutes(-10))));
        Assert.Equal(AlertChange.Quiet, (await RunAsync())[AlertRules.QueueWaitFree]);
        await platform.InDbAsync(db => db.Jobs.Where(j => j.UserId == freeId).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task jobs_failing_on_our_side_above_the_error_rate_email_the_admins_once_and_clear_when_they_age_out()
    {
        var admins = await AdminsAsync();
        var user = await platform.SignUpAsync();
        var userId = await UserIdAsync(user);
        var alert = await CycleAsync(AlertRules.JobErrorRate, admins, o => o.JobErrorRate,
            inject: async () =>
            {
                // 3 of 10 failed on our side (30 %, over 20 %); a data problem is the user's and does not count.
                for (var i = 0; i < 10; i++)
                {
                    var (status, error) = i switch
                    {
                        0 => (JobStatus.Failed, JobFaults.GaveUp(3, "abc123")),
                        1 => (JobStatus.Failed, JobFaults.WorkerLost(3)),
                        2 => (JobStatus.Failed, JobFaults.GaveUp(3, "def456")),
                        3 => (JobStatus.Failed, JobFaults.DataProblem("The target column has one value.")),
                        _ => (JobStatus.Succeeded, (string?)null),
                    };
                    await EndedJobAsync(userId, status, error);
                }
            },
            clear: () => platform.InDbAsync(db => db.Jobs.Where(j => j.UserId == userId).ExecuteDeleteAsync()));
        Assert.Equal(0.3, alert.Value, 3);
        Assert.Contains("3 of 10 job(s)", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task stripe_deliveries_that_do_not_verify_email_the_admins_once_and_clear_when_the_window_passes()
    {
        var admins = await AdminsAsync();
        var options = platform.Services.GetRequiredService<IOptions<AlertOptions>>().Value;
        var alert = await CycleAsync(AlertRules.WebhookFailures, admins, o => o.WebhookFailures,
            inject: async () =>
            {
                using var stripe = platform.CreateClient();
                for (var i = 0; i < 4; i++)
                {
                    using var body = new StringContent("""{"id":"evt_forged","type":"checkout.session.completed"}""", Encoding.UTF8, "application/json");
                    body.Headers.Add("Stripe-Signature", "t=1,v1=0000");
                    Assert.Equal(HttpStatusCode.BadRequest, (await stripe.PostAsync("/webhooks/stripe", body)).StatusCode);
                }
            },
            clear: () =>
            {
                platform.Clock.Advance(TimeSpan.FromMinutes(options.WebhookFailuresWindowMinutes + 1));
                return Task.CompletedTask;
            });
        Assert.Equal(4, alert.Value);
        Assert.Contains("4 had a signature that did not verify", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_stripe_event_that_fails_while_applied_is_answered_500_for_stripe_to_retry_and_counted_as_a_webhook_failure()
    {
        var user = await platform.SignUpAsync();
        var userId = await UserIdAsync(user);
        // Two checkout sessions naming one payment intent: the second breaks the payments' unique intent while applied.
        string Paid(string session) => Payments.StripeEvents.Event("checkout.session.completed", Payments.StripeEvents.Completed(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = session,
            ["object"] = "checkout.session",
            ["mode"] = "payment",
            ["client_reference_id"] = userId.ToString(),
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["product"] = "small", ["credits"] = "5" },
            ["amount_total"] = 500,
            ["currency"] = "usd",
        }, "pi_shared_by_two_sessions"));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(Paid("cs_first_of_two"))).StatusCode);
        var second = Paid("cs_second_of_two");
        var eventId = System.Text.Json.JsonDocument.Parse(second).RootElement.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.InternalServerError, (await PostSignedAsync(second)).StatusCode);

        var failure = await platform.InDbAsync(db => db.Set<Infrastructure.Payments.WebhookFailure>().AsNoTracking().SingleAsync(f => f.EventId == eventId));
        Assert.Equal("processing", failure.Kind);
        Assert.Equal("stripe", failure.Provider);
        Assert.StartsWith("checkout.session.completed: ", failure.Detail, StringComparison.Ordinal);
        // Nothing of the failed event stayed: Stripe's retry applies it cleanly once the cause is fixed.
        Assert.False(await platform.InDbAsync(db => db.Set<Infrastructure.Payments.StripeEventRecord>().AnyAsync(e => e.Id == eventId)));
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", Payments.StripeEvents.SignatureHeader(body, AlertsFactory.WebhookSecret, platform.Clock.GetUtcNow()));
        using var stripe = platform.CreateClient();
        return await stripe.SendAsync(request);
    }

    [Fact]
    public async Task an_outbox_backlog_emails_the_admins_once_and_clears_when_the_outbox_drains()
    {
        var admins = await AdminsAsync();
        var alert = await CycleAsync(AlertRules.OutboxBacklog, admins, o => o.OutboxBacklog,
            inject: () => platform.InDbAsync(db =>
            {
                for (var i = 0; i < 30; i++)
                {
                    db.OutboxEmails.Add(new OutboxEmail
                    {
                        Id = Guid.CreateVersion7(),
                        To = ApiFactory.NewEmail(),
                        Template = "backlog-test",
                        Subject = "Waiting",
                        TextBody = "Waiting to be sent.",
                        CreatedAt = platform.Clock.GetUtcNow().AddMinutes(-10),
                        Attempts = i % 2,
                    });
                }
                return db.SaveChangesAsync();
            }),
            clear: DrainOutboxAsync);
        Assert.True(alert.Value >= 30, alert.Message);
    }

    [Fact]
    public async Task a_disk_fuller_than_its_threshold_emails_the_admins_once_and_clears_below_it()
    {
        var admins = await AdminsAsync();
        // The test cannot fill the disk: it moves the threshold under the disk's real use instead.
        var threshold = 100.0;
        var alert = await CycleAsync(AlertRules.DiskUse, admins, o => o.DiskUse,
            inject: () =>
            {
                threshold = 0;
                return Task.CompletedTask;
            },
            clear: () =>
            {
                threshold = 100;
                return Task.CompletedTask;
            },
            run: async () =>
            {
                await using var scope = platform.Services.CreateAsyncScope();
                var rule = new DiskUseRule(Options.Create(new AlertOptions { DiskUse = { Threshold = threshold } }), scope.ServiceProvider.GetRequiredService<BlobOptions>());
                var job = new PlatformAlertsJob([rule], scope.ServiceProvider.GetRequiredService<AlertBook>(), NullLogger<PlatformAlertsJob>.Instance);
                return await job.RunAsync(default);
            });
        Assert.InRange(alert.Value, 0.1, 100);
        Assert.Contains("% used", alert.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The rule's life, from a quiet start (anything left by another test is cleared and out of the cool-down), and the
    /// first alert as the admins saw it.
    /// </summary>
    private async Task<PlatformAlert> CycleAsync(string rule, IReadOnlyList<string> admins, Func<AlertOptions, AlertRuleOptions> ruleOptions,
        Func<Task> inject, Func<Task> clear, Func<Task<IReadOnlyDictionary<string, AlertChange>>>? run = null)
    {
        run ??= RunAsync;
        var cooldown = ruleOptions(platform.Services.GetRequiredService<IOptions<AlertOptions>>().Value).Cooldown;
        await clear();
        await run();
        platform.Clock.Advance(cooldown);
        var before = (await NoticesAsync(rule)).Select(n => n.Id).ToHashSet();

        await inject();
        Assert.Equal(AlertChange.Notified, (await run())[rule]);
        var first = await OpenAsync(rule);
        Assert.NotNull(first.NotifiedAt);
        var notices = (await NoticesAsync(rule)).Where(n => !before.Contains(n.Id)).ToList();
        Assert.Equal(admins.Order(), notices.Select(n => n.To).Order());
        Assert.All(notices, n => Assert.Contains("/admin/alerts", n.TextBody, StringComparison.Ordinal));

        // Still firing a minute later: the same alert, seen again, no second email.
        platform.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertChange.StillOpen, (await run())[rule]);
        var still = await OpenAsync(rule);
        Assert.Equal(first.Id, still.Id);
        Assert.True(still.LastSeenAt > first.LastSeenAt);
        Assert.Equal(notices.Count, (await NoticesAsync(rule)).Where(n => !before.Contains(n.Id)).Count());

        await clear();
        Assert.Equal(AlertChange.Cleared, (await run())[rule]);
        var cleared = await platform.InDbAsync(db => db.Set<PlatformAlert>().AsNoTracking().SingleAsync(a => a.Id == first.Id));
        Assert.NotNull(cleared.ClearedAt);
        Assert.False(await platform.InDbAsync(db => db.Set<PlatformAlert>().AnyAsync(a => a.Rule == rule && a.ClearedAt == null)));

        // Back within the cool-down: open again, but the admins were told a moment ago.
        await inject();
        Assert.Equal(AlertChange.Opened, (await run())[rule]);
        var again = await OpenAsync(rule);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Null(again.NotifiedAt);
        Assert.Equal(notices.Count, (await NoticesAsync(rule)).Where(n => !before.Contains(n.Id)).Count());

        // Still open when the cool-down has passed: told now, once.
        platform.Clock.Advance(cooldown);
        await inject();
        Assert.Equal(AlertChange.Notified, (await run())[rule]);
        Assert.Equal(2 * admins.Count, (await NoticesAsync(rule)).Where(n => !before.Contains(n.Id)).Count());
        Assert.Equal(AlertChange.StillOpen, (await run())[rule]);
        Assert.Equal(2 * admins.Count, (await NoticesAsync(rule)).Where(n => !before.Contains(n.Id)).Count());

        await clear();
        Assert.Equal(AlertChange.Cleared, (await run())[rule]);
        return first;
    }

    private async Task<IReadOnlyDictionary<string, AlertChange>> RunAsync()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformAlertsJob>().RunAsync(default);
    }

    private static async Task<Guid> UserIdAsync(BrowserClient user) =>
        Guid.Parse((await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!);

    private Task<PlatformAlert> OpenAsync(string rule) =>
        platform.InDbAsync(db => db.Set<PlatformAlert>().AsNoTracking().SingleAsync(a => a.Rule == rule && a.ClearedAt == null));

    /// <summary>The alert emails about this rule, as the outbox holds them.</summary>
    private Task<List<OutboxEmail>> NoticesAsync(string rule) =>
        platform.InDbAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.Template == "platform-alert" && e.Subject.Contains("] " + rule + ":")).ToListAsync());

    /// <summary>Two admins (at least: other tests of the class add theirs), each to be emailed once per notice.</summary>
    private async Task<IReadOnlyList<string>> AdminsAsync()
    {
        await platform.AdminAsync();
        await platform.AdminAsync();
        return await platform.InDbAsync(db => (
            from link in db.UserRoles
            join role in db.Roles on link.RoleId equals role.Id
            join user in db.Users on link.UserId equals user.Id
            where role.Name == "admin"
            select user.Email!).ToListAsync());
    }

    private Task<int> SqlAsync(string sql) => platform.InDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private Task DrainOutboxAsync() => platform.InDbAsync(db => db.OutboxEmails.Where(e => e.SentAt == null)
        .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentAt, DateTimeOffset.UtcNow)));

    private Task<Guid> QueuedJobAsync(Guid userId, DateTimeOffset createdAt) => platform.InDbAsync(async db =>
    {
        var job = NewJob(userId, JobStatus.Queued, createdAt);
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    private Task<int> EndedJobAsync(Guid userId, JobStatus status, string? error) => platform.InDbAsync(db =>
    {
        var now = platform.Clock.GetUtcNow();
        var job = NewJob(userId, status, now.AddMinutes(-3));
        job.StartedAt = now.AddMinutes(-2);
        job.FinishedAt = now;
        job.Error = error;
        db.Jobs.Add(job);
        return db.SaveChangesAsync();
    });

    private static Infrastructure.Jobs.Job NewJob(Guid userId, JobStatus status, DateTimeOffset createdAt) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Kind = JobKind.Train,
        Status = status,
        Queue = "high",
        DatasetId = Guid.CreateVersion7(),
        Target = "label",
        BudgetSeconds = 60,
        CreatedAt = createdAt,
        EnqueuedAt = createdAt,
    };
}
