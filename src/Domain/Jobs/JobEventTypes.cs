namespace AutoMl.Domain.Jobs;

/// <summary>The event types clients receive over /hubs/events and GET /jobs/{id}/events (API.md).</summary>
public static class JobEventTypes
{
    public const string Queued = "job.queued";
    public const string Started = "job.started";
    public const string TrialCompleted = "trial.completed";
    public const string Progress = "job.progress";
    public const string Succeeded = "job.succeeded";
    public const string Failed = "job.failed";
    public const string Cancelled = "job.cancelled";
    public const string CreditsChanged = "credits.changed";
}
