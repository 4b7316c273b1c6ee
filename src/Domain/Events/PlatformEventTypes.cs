namespace AutoMl.Domain.Events;

/// <summary>The event types clients receive over /hubs/events and GET /jobs/{id}/events (API.md), and their records.</summary>
public static class PlatformEventTypes
{
    public const string JobQueued = "job.queued";
    public const string JobStarted = "job.started";
    public const string TrialCompleted = "trial.completed";
    public const string JobProgress = "job.progress";
    public const string JobSucceeded = "job.succeeded";
    public const string JobFailed = "job.failed";
    public const string JobCancelled = "job.cancelled";
    public const string CreditsChanged = "credits.changed";

    /// <summary>Every event's type and record: the OpenAPI document describes each, the dashboard's types come from it.</summary>
    public static IReadOnlyDictionary<string, Type> Records { get; } = new Dictionary<string, Type>
    {
        [JobQueued] = typeof(Events.JobQueued),
        [JobStarted] = typeof(Events.JobStarted),
        [TrialCompleted] = typeof(Events.TrialCompleted),
        [JobProgress] = typeof(Events.JobProgress),
        [JobSucceeded] = typeof(Events.JobSucceeded),
        [JobFailed] = typeof(Events.JobFailed),
        [JobCancelled] = typeof(Events.JobCancelled),
        [CreditsChanged] = typeof(Events.CreditsChanged),
    };

}
