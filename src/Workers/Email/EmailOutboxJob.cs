using AutoMl.Infrastructure.Email;
using Hangfire;

namespace AutoMl.Workers.Email;

/// <summary>
/// Drains the email outbox once a minute. Per-email retries and back-off live in the outbox rows, so the job itself is
/// not retried by Hangfire: the next run picks up whatever is due.
/// </summary>
public sealed class EmailOutboxJob(OutboxSender sender)
{
    public const string RecurringId = "email-outbox";
    private const int Batch = 50;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        // A full batch means more may be waiting; a short one means the outbox is drained (or the rest is backing off).
        while (await sender.SendDueAsync(Batch, ct) == Batch)
        {
        }
    }
}
