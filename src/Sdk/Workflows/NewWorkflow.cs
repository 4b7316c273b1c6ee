namespace AutoMl.Sdk;

/// <summary>
/// What to create: a workflow's name, what it trains (a finished job to copy with <see cref="JobId"/>, or
/// <see cref="DatasetId"/> and <see cref="Target"/>), the registered model its candidates join, and when they take production.
/// </summary>
public sealed class NewWorkflow
{
    /// <summary>Its name, to tell it apart in lists.</summary>
    public required string Name { get; init; }

    /// <summary>Copy the data set, target, task, metric, budget and excluded columns of this finished training job.</summary>
    public Guid? JobId { get; init; }

    /// <summary>The data set to train on (any of its versions: every run takes the newest ready one); without <see cref="JobId"/>.</summary>
    public Guid? DatasetId { get; init; }

    /// <summary>The column to predict; without <see cref="JobId"/>.</summary>
    public string? Target { get; init; }

    /// <summary>binary, multiclass or regression; null to infer it from the target.</summary>
    public string? Task { get; init; }

    /// <summary>The primary metric, e.g. auc or rmse; null for the task's.</summary>
    public string? Metric { get; init; }

    /// <summary>Each run's training budget in seconds.</summary>
    public int? BudgetSeconds { get; init; }

    /// <summary>Columns to leave out.</summary>
    public IReadOnlyList<string>? ExcludedColumns { get; init; }

    /// <summary>
    /// Compare candidate and champion on the newest rows by this column (the last 20%, at least 500 rows and 50 per
    /// class); null for a stratified holdout of rows the model in production never trained on.
    /// </summary>
    public string? TimeColumn { get; init; }

    /// <summary>The registered model its candidates become versions of; created when it does not exist yet.</summary>
    public required string RegisteredModel { get; init; }

    /// <summary>What a better candidate does (<see cref="WorkflowPolicies"/>); the API's default when null.</summary>
    public string? Policy { get; init; }

    /// <summary>The least gain of the primary metric that counts as better; 0.005 when null.</summary>
    public double? Margin { get; init; }

    /// <summary>Metrics that may not get worse past their tolerance for a candidate to be promoted.</summary>
    public IReadOnlyList<WorkflowGuardrail>? Guardrails { get; init; }

    /// <summary>The most credits one run may hold: a run whose price is higher is skipped.</summary>
    public long? RunCreditCap { get; init; }

    /// <summary>The most credits this workflow's runs may use in a calendar month (UTC).</summary>
    public long? MonthlyCreditCap { get; init; }

    /// <summary>Run on a cron schedule; null for none.</summary>
    public WorkflowSchedule? Schedule { get; init; }

    /// <summary>Run when a new version of the data set is uploaded, once per quiet period of <see cref="DebounceSeconds"/>.</summary>
    public bool OnNewVersion { get; init; }

    /// <summary>How long uploads must pause before a new version starts a run; the API's default when null.</summary>
    public int? DebounceSeconds { get; init; }
}
