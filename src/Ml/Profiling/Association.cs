namespace AutoMl.Ml.Profiling;

/// <summary>
/// How strongly two columns go together: <see cref="Measure"/> is pearson or spearman (number and number, −1 to 1),
/// cramers-v (category and category, 0 to 1) or eta, the correlation ratio (a category and a number, 0 to 1; <see cref="A"/> is
/// the number).
/// </summary>
public sealed record Association(string A, string B, string Measure, double Value);

/// <summary>The columns compared (at most <see cref="Associations.MaxColumns"/>) and their pairs.</summary>
public sealed record AssociationTable(IReadOnlyList<string> Columns, IReadOnlyList<Association> Pairs);

/// <summary>The names of the measures, as stored and shown.</summary>
public static class AssociationMeasures
{
    public const string Pearson = "pearson";
    public const string Spearman = "spearman";
    public const string CramersV = "cramers-v";
    public const string CorrelationRatio = "eta";
}
