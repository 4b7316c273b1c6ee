using AutoMl.Domain.Jobs;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>A training or batch prediction job: the source of truth Hangfire only delivers (ADR 1).</summary>
public sealed class Job : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public JobKind Kind { get; set; }
    public JobStatus Status { get; set; }
    public required string Queue { get; set; }
    public Guid DatasetId { get; set; }

    /// <summary>The version number of <see cref="DatasetId"/> when the job was submitted; null for jobs from before versions.</summary>
    public int? DatasetVersion { get; set; }
    public string? Target { get; set; }
    public string? Task { get; set; }
    public string? Metric { get; set; }
    public int BudgetSeconds { get; set; }
    public List<string> ExcludedColumns { get; set; } = [];

    /// <summary>The part of <see cref="ExcludedColumns"/> the data checks left out (leaks, identifiers) rather than the user.</summary>
    public List<string> ExcludedByChecks { get; set; } = [];

    /// <summary>The model a prediction job uses, or the model a training job produced.</summary>
    public Guid? ModelId { get; set; }

    public long HeldCredits { get; set; }
    public long ChargedCredits { get; set; }
    public double Progress { get; set; }
    public double? EtaSeconds { get; set; }
    public double? BestScore { get; set; }
    public int Trials { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public bool CancelRequested { get; set; }
    public string? HangfireJobId { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? ResultKey { get; set; }

    /// <summary>The client's Idempotency-Key: the same key from the same user returns the first job.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The registered model a training job's model becomes a version of when it succeeds.</summary>
    public Guid? RegisteredModelId { get; set; }

    /// <summary>Its name when the job was submitted (a registered model is never renamed; this outlives its deletion).</summary>
    public string? RegisteredModelName { get; set; }

    public int? RegisteredVersion { get; set; }

    /// <summary>Why the trained model did not become a version (the registered model was deleted, or its schema moved on).</summary>
    public string? RegistrationProblem { get; set; }

    /// <summary>The workflow run this job trains for: it then holds rows out and compares its model with production's.</summary>
    public Guid? WorkflowRunId { get; set; }
}
