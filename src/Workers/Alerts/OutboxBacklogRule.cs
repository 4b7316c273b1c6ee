using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

/// <summary>
/// Emails waiting in the outbox longer than a healthy outbox (drained every minute) keeps them. The alert's own email
/// waits in that outbox too, which is why an alert also goes to Sentry when it is configured.
/// </summary>
internal sealed class OutboxBacklogRule(AutoMlDbContext db, IOptions<AlertOptions> options, TimeProvider clock) : IAlertRule
{
    public async Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct)
    {
        var o = options.Value;
        var before = clock.GetUtcNow() - TimeSpan.FromMinutes(o.OutboxBacklogAgeMinutes);
        var waiting = await db.OutboxEmails.AsNoTracking().Where(e => e.SentAt == null && e.CreatedAt < before).CountAsync(ct);
        var failing = await db.OutboxEmails.AsNoTracking().Where(e => e.SentAt == null && e.CreatedAt < before && e.Attempts > 0).CountAsync(ct);
        var message = $"{waiting} email(s) have waited more than {o.OutboxBacklogAgeMinutes} minutes in the outbox, {failing} of them after failed sends. "
            + "Check that a worker serves the low queue (the email-outbox job at /hangfire) and the email provider's status and key.";
        return [AlertReading.For(AlertRules.OutboxBacklog, AlertSeverity.Warning, o.OutboxBacklog, waiting, message)];
    }
}
