namespace AutoMl.Ml.Profiling;

public enum CheckSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>
/// One finding about a data set before training: how serious, a sentence a person reads, the columns it is about, what
/// to do, and whether training leaves those columns out unless the user keeps them.
/// </summary>
/// <param name="Score">The measure behind the finding where there is one (a column's single-feature AUC or R², a share).</param>
public sealed record DataCheck(
    string Code, CheckSeverity Severity, string Message, IReadOnlyList<string> Columns, string Action, bool ExcludedByDefault, double? Score = null);

/// <summary>The checks' codes: stored with each data set, so they never change.</summary>
public static class DataCheckCodes
{
    public const string TargetLeakage = "target-leakage";
    public const string StrongPredictor = "strong-predictor";
    public const string Identifier = "identifier";
    public const string Constant = "constant";
    public const string NearConstant = "near-constant";
    public const string HeavyMissing = "heavy-missing";
    public const string DuplicateRows = "duplicate-rows";
    public const string DuplicateColumns = "duplicate-columns";
    public const string ClassImbalance = "class-imbalance";
    public const string TimeColumn = "time-column";
}
