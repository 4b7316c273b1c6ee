using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds. Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers share the outbox
/// without sending an email twice; a failed send stays in the outbox with an exponential back-off and is never dropped.
/// </summary>
public sealed class OutboxSender(AutoMlDbContext db, IEmailSender sender, TimeProvider clock, ILogger<OutboxSender> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    public async Task<int> SendDueAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.OutboxEmails.FromSql($"""
            SELECT * FROM email_outbox
            WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
            ORDER BY created_at LIMIT {batch} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        var sent = 0;
        foreach (var email in due)
        {
            email.Attempts++;
            try
            {
                await sender.SendAsync(email, ct);
                email.SentAt = clock.GetUtcNow();
                email.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var wait = Backoff(email.Attempts);
                email.NextAttemptAt = clock.GetUtcNow() + wait;
                email.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                logger.LogWarning("Email {EmailId} ({Template}) not sent (attempt {Attempt}): {Error}; next try in {Wait}",
                    email.Id, email.Template, email.Attempts, email.LastError, wait);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sent;
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * (1L << Math.Min(attempts - 1, 20))));
}
