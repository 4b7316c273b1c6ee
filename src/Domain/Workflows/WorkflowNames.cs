namespace AutoMl.Domain.Workflows;

/// <summary>What a workflow does with a candidate that beats the model holding production.</summary>
public static class PromotionPolicies
{
    /// <summary>Moves production to the candidate at once.</summary>
    public const string Automatic = "automatic";

    /// <summary>Waits for a person to approve or reject the run.</summary>
    public const string Approval = "approval";

    /// <summary>Registers the candidate as a version and reports; production never moves.</summary>
    public const string Never = "never";

    public static readonly string[] All = [Automatic, Approval, Never];
}

/// <summary>What started a run; with its key, what makes a run unique in its workflow.</summary>
public static class RunTriggers
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";
    public const string DatasetVersion = "dataset-version";
}

/// <summary>A run's status: training while its job runs, then one of the ends.</summary>
public static class RunStatuses
{
    public const string Training = "training";
    public const string AwaitingApproval = "awaiting-approval";
    public const string Promoted = "promoted";
    public const string NotPromoted = "not-promoted";
    public const string Rejected = "rejected";
    public const string Failed = "failed";

    /// <summary>Not started: paused, over a credit cap, or a run was still going.</summary>
    public const string Skipped = "skipped";

    public static readonly string[] All = [Training, AwaitingApproval, Promoted, NotPromoted, Rejected, Failed, Skipped];
}
