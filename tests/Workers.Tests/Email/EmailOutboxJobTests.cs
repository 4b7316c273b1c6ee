using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Testing;
using AutoMl.Workers.Email;
using AutoMl.Workers.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoMl.Workers.Tests.Email;

public sealed class EmailOutboxJobTests : IAsyncLifetime
{
    private readonly string database = "automl_test_" + Guid.NewGuid().ToString("N")[..16];
    private readonly MovableClock clock = new();
    private FakeSendGrid sendGrid = null!;
    private IHost host = null!;

    [Fact]
    public async Task a_sendgrid_failure_is_retried_with_back_off_and_the_email_is_never_lost()
    {
        var id = await QueueAsync("ada@example.com");
        sendGrid.FailNext(1);

        await RunJobAsync();
        var afterFailure = await EmailAsync(id);
        await RunJobAsync();
        var stillWaiting = await EmailAsync(id);
        clock.Advance(TimeSpan.FromSeconds(31));
        await RunJobAsync();
        var sent = await EmailAsync(id);
        await RunJobAsync();

        Assert.Null(afterFailure.SentAt);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Contains("500", afterFailure.LastError, StringComparison.Ordinal);
        Assert.Null(stillWaiting.SentAt);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        var deliveries = sendGrid.Sent();
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries[0].Body, deliveries[1].Body);
        Assert.Contains("ada@example.com", deliveries[1].Body, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), deliveries[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void the_worker_registers_the_outbox_job_on_the_low_queue_every_minute()
    {
        var storage = host.Services.GetRequiredService<Hangfire.JobStorage>();
        using var connection = storage.GetConnection();

        var recurring = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);

        Assert.Contains(recurring, j => j.Id == EmailOutboxJob.RecurringId && j.Cron == Hangfire.Cron.Minutely() && j.Job.Queue == "low");
    }

    public async Task InitializeAsync()
    {
        sendGrid = await FakeSendGrid.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestStack.Postgres(database),
            ["ConnectionStrings:Redis"] = TestStack.Redis,
            ["AutoMl:RedisPrefix"] = $"test:{database}:",
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.BaseUrl.ToString(),
            ["Worker:Queues"] = "low",
            ["Worker:Count"] = "1",
        });
        builder.Services.AddAutoMlInfrastructure(builder.Configuration);
        builder.Services.AddAutoMlWorker(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(clock);
        host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AutoMlDbContext>().Database.MigrateAsync();
        }
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await sendGrid.DisposeAsync();
        await TestStack.DropDatabaseAsync(database);
    }

    private async Task<Guid> QueueAsync(string to)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var email = scope.ServiceProvider.GetRequiredService<EmailTemplates>().LowBalance(Guid.NewGuid(), to, 3);
        await scope.ServiceProvider.GetRequiredService<AutoMlDbContext>().SaveChangesAsync();
        return email.Id;
    }

    private async Task RunJobAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailOutboxJob>().RunAsync(CancellationToken.None);
    }

    private async Task<OutboxEmail> EmailAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoMlDbContext>().OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan offset;

        public void Advance(TimeSpan by) => offset += by;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
