namespace AutoMl.Sdk;

/// <summary>What to change about a workflow; a property left null stays as it is.</summary>
public sealed class WorkflowUpdate
{
    /// <summary>What a better candidate does (<see cref="WorkflowPolicies"/>).</summary>
    public string? Policy { get; init; }

    /// <summary>The least gain of the primary metric that counts as better.</summary>
    public double? Margin { get; init; }

    /// <summary>The guardrails, replacing the old; an empty list removes them all.</summary>
    public IReadOnlyList<WorkflowGuardrail>? Guardrails { get; init; }

    /// <summary>The most credits one run may hold.</summary>
    public long? RunCreditCap { get; init; }

    /// <summary>The most credits the runs may use in a calendar month (UTC).</summary>
    public long? MonthlyCreditCap { get; init; }

    /// <summary>Each run's training budget in seconds.</summary>
    public int? BudgetSeconds { get; init; }

    /// <summary>A new schedule, replacing the old.</summary>
    public WorkflowSchedule? Schedule { get; init; }

    /// <summary>Removes the schedule.</summary>
    public bool ClearSchedule { get; init; }

    /// <summary>Whether a new version of the data set starts a run.</summary>
    public bool? OnNewVersion { get; init; }

    /// <summary>How long uploads must pause before a new version starts a run.</summary>
    public int? DebounceSeconds { get; init; }

    /// <summary>The column the holdout takes its newest rows by.</summary>
    public string? TimeColumn { get; init; }
}
