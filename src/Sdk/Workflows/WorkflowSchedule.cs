namespace AutoMl.Sdk;

/// <summary>When a workflow runs on its own: a cron expression in a time zone.</summary>
public sealed class WorkflowSchedule
{
    /// <summary>Five fields (minute hour day-of-month month day-of-week), e.g. "0 6 * * 1" for Mondays at 06:00.</summary>
    public required string Cron { get; init; }

    /// <summary>An IANA time zone such as Europe/Paris; UTC when null.</summary>
    public string? TimeZone { get; init; }
}
