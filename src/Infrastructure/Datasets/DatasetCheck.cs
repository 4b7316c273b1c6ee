namespace AutoMl.Infrastructure.Datasets;

/// <summary>
/// A data check as the API shows it and the data set stores it (jsonb): severity is info, warning or critical; target is
/// the column the check was made for (leakage, class imbalance), null for checks of the columns alone.
/// </summary>
public sealed record DatasetCheck(
    string Code,
    string Severity,
    string Message,
    IReadOnlyList<string> Columns,
    string Action,
    bool ExcludedByDefault,
    double? Score,
    string? Target);
