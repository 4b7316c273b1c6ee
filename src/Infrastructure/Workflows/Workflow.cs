namespace AutoMl.Infrastructure.Workflows;

/// <summary>
/// A saved training recipe: the request a job trains with, the registered model its models become versions of, what
/// it may spend, when a candidate takes production, and what starts a run (ADR 11).
/// </summary>
public sealed class Workflow : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The data set's lineage: every run trains on its newest ready version (or the version that triggered it).</summary>
    public Guid DatasetLineageId { get; set; }

    public required string Target { get; set; }
    public string? Task { get; set; }
    public string? Metric { get; set; }
    public int BudgetSeconds { get; set; }
    public List<string> ExcludedColumns { get; set; } = [];

    /// <summary>The column the holdout takes its newest rows by; without one, a stratified holdout of rows the champion never saw.</summary>
    public string? TimeColumn { get; set; }

    public Guid RegisteredModelId { get; set; }
    public required string Policy { get; set; }
    public double Margin { get; set; }

    /// <summary>A JSON array of { metric, tolerance }.</summary>
    public string GuardrailsJson { get; set; } = "[]";

    public long RunCreditCap { get; set; }
    public long MonthlyCreditCap { get; set; }

    /// <summary>A five-field cron expression, in <see cref="TimeZone"/>; null for no schedule.</summary>
    public string? Cron { get; set; }

    public string? TimeZone { get; set; }
    public bool OnNewVersion { get; set; }
    public int DebounceSeconds { get; set; }

    /// <summary>When a version arrived that no run has answered yet; the debounce waits until this is DebounceSeconds old.</summary>
    public DateTimeOffset? VersionPendingSince { get; set; }

    public bool Paused { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
