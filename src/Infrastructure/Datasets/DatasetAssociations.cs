using AutoMl.Ml.Profiling;

namespace AutoMl.Infrastructure.Datasets;

/// <summary>
/// Two columns' association as the API shows it and the data set stores it: measure is pearson or spearman (two
/// numbers, −1 to 1), cramers-v (two categories, 0 to 1) or eta (a number, a, and a category, b; 0 to 1).
/// </summary>
public sealed record DatasetAssociation(string A, string B, string Measure, double Value);

/// <summary>The associations among a data set's most complete columns (at most 20), computed by the ingest on its sample (jsonb).</summary>
public sealed record DatasetAssociations(IReadOnlyList<string> Columns, IReadOnlyList<DatasetAssociation> Pairs)
{
    public static DatasetAssociations From(AssociationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(table.Columns, [.. table.Pairs.Select(p => new DatasetAssociation(p.A, p.B, p.Measure, Math.Round(p.Value, 4)))]);
    }
}
