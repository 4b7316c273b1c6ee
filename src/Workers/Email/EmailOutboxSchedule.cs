using AutoMl.Domain.Queues;
using Hangfire;

namespace AutoMl.Workers.Email;

/// <summary>Registers the outbox job with Hangfire's scheduler when a worker starts; AddOrUpdate makes this safe on every worker.</summary>
internal sealed class EmailOutboxSchedule(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<EmailOutboxJob>(EmailOutboxJob.RecurringId, QueueNames.Low, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class EmailOutboxServices
{
    public static IServiceCollection AddEmailOutboxSender(this IServiceCollection services)
    {
        services.AddScoped<EmailOutboxJob>();
        services.AddHostedService<EmailOutboxSchedule>();
        return services;
    }
}
