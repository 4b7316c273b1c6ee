namespace AutoMl.Sdk;

/// <summary>
/// A saved training recipe: it trains a candidate on the newest version of a data set (now, on a schedule or on a new
/// version), compares it with the version holding production on held-out rows, and promotes it when it is better.
/// </summary>
public sealed class Workflow
{
    /// <summary>The workflow's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Its name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The data set's first version: every run trains on the newest ready version of it.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>The data set's name.</summary>
    public string DatasetName { get; init; } = string.Empty;

    /// <summary>The data set's newest version number.</summary>
    public int LatestDatasetVersion { get; init; }

    /// <summary>The column it predicts.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>binary, multiclass or regression; null when inferred at each run.</summary>
    public string? Task { get; init; }

    /// <summary>The primary metric; null for the task's.</summary>
    public string? Metric { get; init; }

    /// <summary>Each run's training budget in seconds.</summary>
    public int BudgetSeconds { get; init; }

    /// <summary>The columns left out.</summary>
    public IReadOnlyList<string> ExcludedColumns { get; init; } = [];

    /// <summary>The column the holdout takes its newest rows by; null for a stratified holdout.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>The registered model its candidates become versions of.</summary>
    public string RegisteredModel { get; init; } = string.Empty;

    /// <summary>automatic, approval or never; see <see cref="WorkflowPolicies"/>.</summary>
    public string Policy { get; init; } = string.Empty;

    /// <summary>The least gain of the primary metric that counts as better.</summary>
    public double Margin { get; init; }

    /// <summary>Metrics that may not get worse past their tolerance.</summary>
    public IReadOnlyList<WorkflowGuardrail> Guardrails { get; init; } = [];

    /// <summary>The most credits one run may hold.</summary>
    public long RunCreditCap { get; init; }

    /// <summary>The most credits the runs may use in a calendar month (UTC).</summary>
    public long MonthlyCreditCap { get; init; }

    /// <summary>What this month's runs hold or were charged.</summary>
    public long CreditsThisMonth { get; init; }

    /// <summary>Its cron schedule; null for none.</summary>
    public WorkflowSchedule? Schedule { get; init; }

    /// <summary>When the schedule fires next; null without a schedule or while paused.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>Whether a new version of the data set starts a run.</summary>
    public bool OnNewVersion { get; init; }

    /// <summary>How long uploads must pause before a new version starts a run.</summary>
    public int DebounceSeconds { get; init; }

    /// <summary>True while paused: nothing starts a run.</summary>
    public bool Paused { get; init; }

    /// <summary>Its newest run, if any.</summary>
    public WorkflowRun? LastRun { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
