namespace AutoMl.Sdk;

/// <summary>An episode of an alert rule firing: open while <see cref="ClearedAt"/> is null.</summary>
public sealed class PlatformAlert
{
    /// <summary>The alert's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The rule: ledger-drift, dead-jobs, queue-wait-free, queue-wait-pro, queue-wait-enterprise, job-error-rate, webhook-failures, outbox-backlog or disk-use.</summary>
    public string Rule { get; init; } = string.Empty;

    /// <summary>"warning" or "critical".</summary>
    public string Severity { get; init; } = string.Empty;

    /// <summary>What the rule measured, in words, and where to look.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The last measurement (a count, seconds, a share from 0 to 1, or percent, by rule).</summary>
    public double Value { get; init; }

    /// <summary>The rule fires while the value is above this.</summary>
    public double Threshold { get; init; }

    /// <summary>When the rule started firing.</summary>
    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>The last evaluation that found it firing.</summary>
    public DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the rule stopped firing; null while open.</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    /// <summary>When the admins were emailed; null while the rule's cool-down held the notice back.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }
}
