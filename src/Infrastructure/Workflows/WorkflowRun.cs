namespace AutoMl.Infrastructure.Workflows;

/// <summary>
/// One run of a workflow: what started it, the data set version and job it trained, the candidate version, and the
/// promotion decision with its report. (workflow, trigger key) is unique, so no trigger starts a run twice.
/// </summary>
public sealed class WorkflowRun : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid WorkflowId { get; set; }
    public Guid UserId { get; set; }
    public required string Trigger { get; set; }

    /// <summary>"schedule:&lt;occurrence&gt;", "version:&lt;data set id&gt;" or "manual:&lt;run id&gt;".</summary>
    public required string TriggerKey { get; set; }

    /// <summary>The schedule's occurrence this run answers.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }

    public Guid? DatasetId { get; set; }
    public int? DatasetVersion { get; set; }
    public Guid? JobId { get; set; }
    public required string Status { get; set; }

    /// <summary>Why the run ended as it did, in a sentence.</summary>
    public string? Reason { get; set; }

    public string? Metric { get; set; }
    public int? CandidateVersion { get; set; }
    public int? ChampionVersion { get; set; }
    public double? CandidateScore { get; set; }
    public double? ChampionScore { get; set; }

    /// <summary>The comparison on the held-out rows (JSON), written by the training job before it ends.</summary>
    public string? ReportJson { get; set; }

    /// <summary>Whether the report found the candidate better; the policy then decides what happens.</summary>
    public bool? Better { get; set; }

    public string? DecidedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
