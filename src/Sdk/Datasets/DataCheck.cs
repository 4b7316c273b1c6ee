namespace AutoMl.Sdk;

/// <summary>A finding of the data checks: how serious, what was found, in which columns, and what to do.</summary>
public sealed class DataCheck
{
    /// <summary>What was checked: target-leakage, strong-predictor, identifier, constant, near-constant, heavy-missing, duplicate-rows, duplicate-columns, class-imbalance, time-column.</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>info, warning or critical.</summary>
    public string Severity { get; init; } = string.Empty;

    /// <summary>The finding, as a sentence.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The columns it is about (none for repeated rows).</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>What to do about it.</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>True when training leaves these columns out unless the job keeps them (<see cref="JobRequest.KeepColumns"/>).</summary>
    public bool ExcludedByDefault { get; init; }

    /// <summary>The measure behind it where there is one: a column's AUC or R² on its own, a share of rows.</summary>
    public double? Score { get; init; }

    /// <summary>The target the check was made for; null for checks of the columns alone.</summary>
    public string? Target { get; init; }
}

/// <summary>The data checks of a data set for one target.</summary>
public sealed class DatasetChecks
{
    /// <summary>The data set checked.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>The target the checks were made for.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The task the checks assumed: the one asked for, or the one training would infer.</summary>
    public string Task { get; init; } = string.Empty;

    /// <summary>The columns' own checks and the target's.</summary>
    public IReadOnlyList<DataCheck> Checks { get; init; } = [];

    /// <summary>The columns a training job on this target leaves out unless it keeps them.</summary>
    public IReadOnlyList<string> ExcludedByDefault { get; init; } = [];
}
