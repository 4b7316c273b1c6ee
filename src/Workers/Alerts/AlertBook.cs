using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Alerts;

internal enum AlertChange
{
    Quiet = 0,
    Opened = 1,
    StillOpen = 2,
    Notified = 3,
    Cleared = 4,
}

/// <summary>
/// An alert's life from a rule's readings: opened when the rule fires, kept while it fires, cleared when it stops. The
/// admins hear of an alert once, and not within the rule's cool-down of its last notice: an alert opened inside the
/// cool-down (the rule flapped) is told as soon as the cool-down has passed, if it is still open then.
/// </summary>
internal sealed class AlertBook(AutoMlDbContext db, AlertNotifier notifier, TimeProvider clock, ILogger<AlertBook> logger)
{
    public async Task<AlertChange> ApplyAsync(AlertReading reading, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var alerts = db.Set<PlatformAlert>();
        var open = await alerts.SingleOrDefaultAsync(a => a.Rule == reading.Rule && a.ClearedAt == null, ct);
        if (!reading.Firing)
        {
            if (open is null)
            {
                return AlertChange.Quiet;
            }
            open.ClearedAt = now;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Alert {Rule} cleared: {Value} is within its threshold {Threshold}", reading.Rule, reading.Value, reading.Threshold);
            return AlertChange.Cleared;
        }

        var change = AlertChange.StillOpen;
        if (open is null)
        {
            open = new PlatformAlert { Id = Guid.CreateVersion7(), Rule = reading.Rule, Message = reading.Message, FirstSeenAt = now };
            alerts.Add(open);
            change = AlertChange.Opened;
            logger.LogWarning("Alert {Rule} opened: {Message}", reading.Rule, reading.Message);
        }
        open.Severity = reading.Severity;
        open.Message = reading.Message.Length > 2000 ? reading.Message[..2000] : reading.Message;
        open.Value = reading.Value;
        open.Threshold = reading.Threshold;
        open.LastSeenAt = now;
        var notify = open.NotifiedAt is null && await CooledDownAsync(reading, now, ct);
        if (notify)
        {
            var admins = await notifier.QueueEmailsAsync(open, ct);
            open.NotifiedAt = now;
            logger.LogWarning("Alert {Rule} notified to {Admins} admin(s)", reading.Rule, admins);
        }
        // The alert and its emails commit together: a notice is never sent for an alert that was not saved, nor lost.
        await db.SaveChangesAsync(ct);
        if (notify)
        {
            AlertNotifier.ToSentry(open);
            return AlertChange.Notified;
        }
        return change;
    }

    private async Task<bool> CooledDownAsync(AlertReading reading, DateTimeOffset now, CancellationToken ct)
    {
        var last = await db.Set<PlatformAlert>().Where(a => a.Rule == reading.Rule && a.NotifiedAt != null).MaxAsync(a => a.NotifiedAt, ct);
        return last is null || now - last.Value >= reading.Cooldown;
    }
}
