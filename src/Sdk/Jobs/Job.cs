namespace AutoMl.Sdk;

/// <summary>A training job: its state, progress, best score so far and its cost.</summary>
public sealed class Job
{
    /// <summary>The job's id.</summary>
    public Guid Id { get; init; }

    /// <summary>train, predict or ingest.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>queued, running, succeeded, failed or cancelled; see <see cref="JobStatuses"/>.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>The queue it waits on: high, normal or low, by the account's tier.</summary>
    public string Queue { get; init; } = string.Empty;

    /// <summary>From 0 to 1.</summary>
    public double Progress { get; init; }

    /// <summary>Seconds the job expects to still run, when it can tell.</summary>
    public double? EtaSeconds { get; init; }

    /// <summary>The data set it trains on.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>That data set's version number; null for jobs submitted before data sets had versions.</summary>
    public int? DatasetVersion { get; init; }

    /// <summary>Every column the job leaves out: the request's and the data checks'.</summary>
    public IReadOnlyList<string> ExcludedColumns { get; init; } = [];

    /// <summary>The columns the data checks left out (suspected leaks, identifiers).</summary>
    public IReadOnlyList<string> ExcludedByChecks { get; init; } = [];

    /// <summary>The column it learns to predict.</summary>
    public string? Target { get; init; }

    /// <summary>binary, multiclass or regression.</summary>
    public string? Task { get; init; }

    /// <summary>The metric it optimises, e.g. auc or rmse.</summary>
    public string? Metric { get; init; }

    /// <summary>The training budget.</summary>
    public int BudgetSeconds { get; init; }

    /// <summary>The best validation score so far, in the metric's own units.</summary>
    public double? BestScore { get; init; }

    /// <summary>How many trials have completed.</summary>
    public int Trials { get; init; }

    /// <summary>The trained model, once the job succeeded.</summary>
    public Guid? ModelId { get; init; }

    /// <summary>Why the job failed.</summary>
    public string? Error { get; init; }

    /// <summary>Credits held while it runs.</summary>
    public long HeldCredits { get; init; }

    /// <summary>Credits charged when it ended.</summary>
    public long ChargedCredits { get; init; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a worker started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The registered model the job's model is to become a version of, when the job named one.</summary>
    public string? RegisteredModel { get; init; }

    /// <summary>The version the job's model became, once the job succeeded and the registration went through.</summary>
    public int? RegisteredVersion { get; init; }

    /// <summary>Why the succeeded job's model could not become a version (e.g. its input columns differ); the model itself is kept.</summary>
    public string? RegistrationProblem { get; init; }

    /// <summary>True when the job has ended: succeeded, failed or cancelled.</summary>
    public bool IsFinished => Status is JobStatuses.Succeeded or JobStatuses.Failed or JobStatuses.Cancelled;
}
