using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Alerts;

/// <summary>Tells the admins of an alert: an email to each through the outbox, and Sentry when it is configured.</summary>
internal sealed class AlertNotifier(AutoMlDbContext db, EmailTemplates emails, ILogger<AlertNotifier> logger)
{
    /// <summary>Queues the emails in the caller's unit of work, so they go out only if the alert's notice is saved.</summary>
    public async Task<int> QueueEmailsAsync(PlatformAlert alert, CancellationToken ct)
    {
        var admins = await (
            from link in db.UserRoles
            join role in db.Roles on link.RoleId equals role.Id
            join user in db.Users on link.UserId equals user.Id
            where role.Name == PlatformRoles.Admin && user.Email != null
            select new { user.Id, user.Email }).ToListAsync(ct);
        foreach (var admin in admins)
        {
            emails.PlatformAlert(admin.Id, admin.Email!, alert);
        }
        if (admins.Count == 0)
        {
            logger.LogWarning("Alert {Rule} has no admin to email: grant the admin role (AutoMl.Api admin grant-role EMAIL)", alert.Rule);
        }
        return admins.Count;
    }

    /// <summary>After the notice is saved: Sentry is outside our transaction.</summary>
    public static void ToSentry(PlatformAlert alert)
    {
        if (!SentrySdk.IsEnabled)
        {
            return;
        }
        SentrySdk.CaptureMessage($"Alert {alert.Rule}: {alert.Message}", scope =>
        {
            scope.SetTag("alert.rule", alert.Rule);
            scope.SetExtra("value", alert.Value);
            scope.SetExtra("threshold", alert.Threshold);
            // One Sentry issue per rule, whatever the numbers in its message.
            scope.SetFingerprint(["platform-alert", alert.Rule]);
        }, alert.Severity == AlertSeverity.Critical ? SentryLevel.Error : SentryLevel.Warning);
    }
}
