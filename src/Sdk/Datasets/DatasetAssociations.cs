namespace AutoMl.Sdk;

/// <summary>How strongly two columns of a data set go together.</summary>
public sealed class DatasetAssociation
{
    /// <summary>The first column; for <c>eta</c>, the number.</summary>
    public string A { get; init; } = string.Empty;

    /// <summary>The second column; for <c>eta</c>, the category.</summary>
    public string B { get; init; } = string.Empty;

    /// <summary>pearson or spearman (two numbers, −1 to 1), cramers-v (two categories, 0 to 1), eta (a number and a category, 0 to 1).</summary>
    public string Measure { get; init; } = string.Empty;

    /// <summary>The measure's value.</summary>
    public double Value { get; init; }
}

/// <summary>Pairwise associations among a data set's most complete columns (at most 20), measured by the ingest on its sample.</summary>
public sealed class DatasetAssociations
{
    /// <summary>The columns compared, in the data set's order.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Each pair's measures (two numbers have both Pearson and Spearman).</summary>
    public IReadOnlyList<DatasetAssociation> Pairs { get; init; } = [];
}
