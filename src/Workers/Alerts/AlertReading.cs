using AutoMl.Infrastructure.Alerts;

namespace AutoMl.Workers.Alerts;

/// <summary>What a rule measured this minute; it fires while <see cref="Value"/> is above <see cref="Threshold"/>.</summary>
/// <param name="Message">What an admin reads: the measurement in words and where to look.</param>
internal sealed record AlertReading(string Rule, AlertSeverity Severity, double Value, double Threshold, TimeSpan Cooldown, string Message)
{
    public bool Firing => Value > Threshold;

    public static AlertReading For(string rule, AlertSeverity severity, AlertRuleOptions options, double value, string message) =>
        new(rule, severity, value, options.Threshold, options.Cooldown, message);
}

/// <summary>One thing the platform measures. A rule that cannot measure now (its store is down) throws: its alert stays as it was.</summary>
internal interface IAlertRule
{
    Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct);
}

/// <summary>The rules' names, as stored on their alerts and shown to admins.</summary>
internal static class AlertRules
{
    public const string LedgerDrift = "ledger-drift";
    public const string DeadJobs = "dead-jobs";
    public const string QueueWaitFree = "queue-wait-free";
    public const string QueueWaitPro = "queue-wait-pro";
    public const string QueueWaitEnterprise = "queue-wait-enterprise";
    public const string JobErrorRate = "job-error-rate";
    public const string WebhookFailures = "webhook-failures";
    public const string OutboxBacklog = "outbox-backlog";
    public const string DiskUse = "disk-use";
}
