namespace AutoMl.Sdk;

/// <summary>One run of a workflow: what started it, the job that trained the candidate, and the promotion decision with its report.</summary>
public sealed class WorkflowRun
{
    /// <summary>The run's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The workflow it belongs to.</summary>
    public Guid WorkflowId { get; init; }

    /// <summary>manual, schedule or dataset-version; see <see cref="WorkflowRunTriggers"/>.</summary>
    public string Trigger { get; init; } = string.Empty;

    /// <summary>The schedule's occurrence it answers; null for other triggers.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>The data set version it trained on; null when it never started.</summary>
    public Guid? DatasetId { get; init; }

    /// <summary>That version's number.</summary>
    public int? DatasetVersion { get; init; }

    /// <summary>The training job; null when it never started.</summary>
    public Guid? JobId { get; init; }

    /// <summary>See <see cref="WorkflowRunStatuses"/>.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Why it ended as it did, in a sentence.</summary>
    public string? Reason { get; init; }

    /// <summary>The primary metric of the comparison.</summary>
    public string? Metric { get; init; }

    /// <summary>The registered model's version the candidate became.</summary>
    public int? CandidateVersion { get; init; }

    /// <summary>The version that held production when the run compared them; null when none did.</summary>
    public int? ChampionVersion { get; init; }

    /// <summary>The candidate's score on the held-out rows.</summary>
    public double? CandidateScore { get; init; }

    /// <summary>The champion's score on the same rows.</summary>
    public double? ChampionScore { get; init; }

    /// <summary>Whether the comparison found the candidate better; null before it is made.</summary>
    public bool? Better { get; init; }

    /// <summary>The comparison: how the held-out rows were chosen, both models' metrics, the gain, the guardrails and the reasons.</summary>
    public WorkflowReport? Report { get; init; }

    /// <summary>Who or what decided it: the person who approved or rejected it, or the policy.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>What its job held or was charged.</summary>
    public long CreditsUsed { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>True while its job trains the candidate; <see cref="WorkflowsClient.WaitForRunAsync"/> waits for this to end.</summary>
    public bool IsTraining => Status == WorkflowRunStatuses.Training;
}
