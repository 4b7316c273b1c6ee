namespace AutoMl.Sdk;

/// <summary>The values of <see cref="WorkflowRun.Status"/>: training while its job runs, then one of the others.</summary>
public static class WorkflowRunStatuses
{
    /// <summary>Its job is training the candidate.</summary>
    public const string Training = "training";

    /// <summary>The candidate is better and the policy is approval: it waits for approve or reject.</summary>
    public const string AwaitingApproval = "awaiting-approval";

    /// <summary>The candidate took production.</summary>
    public const string Promoted = "promoted";

    /// <summary>The candidate was not better, or the policy is never; production did not move.</summary>
    public const string NotPromoted = "not-promoted";

    /// <summary>A person rejected the candidate.</summary>
    public const string Rejected = "rejected";

    /// <summary>Its job failed; see <see cref="WorkflowRun.Reason"/>.</summary>
    public const string Failed = "failed";

    /// <summary>Not started: a credit cap, a pause or a run still going stopped it; see <see cref="WorkflowRun.Reason"/>.</summary>
    public const string Skipped = "skipped";
}
