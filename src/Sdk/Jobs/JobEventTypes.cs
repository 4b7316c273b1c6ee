namespace AutoMl.Sdk;

/// <summary>The values of <see cref="JobEvent.Type"/>.</summary>
public static class JobEventTypes
{
    /// <summary>The job was accepted and waits for a worker.</summary>
    public const string Queued = "job.queued";

    /// <summary>A worker started the job.</summary>
    public const string Started = "job.started";

    /// <summary>A trial finished; its data carries the learner and the score.</summary>
    public const string TrialCompleted = "trial.completed";

    /// <summary>The job's progress moved.</summary>
    public const string Progress = "job.progress";

    /// <summary>The job ended with a model.</summary>
    public const string Succeeded = "job.succeeded";

    /// <summary>The job ended with an error.</summary>
    public const string Failed = "job.failed";

    /// <summary>The job was cancelled.</summary>
    public const string Cancelled = "job.cancelled";

    /// <summary>The account's credits changed (not tied to one job).</summary>
    public const string CreditsChanged = "credits.changed";

    /// <summary>True for the events that end a job.</summary>
    /// <param name="type">An event type.</param>
    /// <returns>Whether no event of the job follows it.</returns>
    public static bool IsTerminal(string type) => type is Succeeded or Failed or Cancelled;
}
