namespace AutoMl.Sdk;

/// <summary>The values of <see cref="Job.Status"/>.</summary>
public static class JobStatuses
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>Training.</summary>
    public const string Running = "running";

    /// <summary>Done; the model is ready.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Ended with an error; see <see cref="Job.Error"/>.</summary>
    public const string Failed = "failed";

    /// <summary>Cancelled by its owner.</summary>
    public const string Cancelled = "cancelled";
}
