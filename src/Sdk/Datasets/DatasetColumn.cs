namespace AutoMl.Sdk;

/// <summary>A column of a data set as ingestion profiled it.</summary>
public sealed class DatasetColumn
{
    /// <summary>The column's name in the file.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>numeric, boolean, categorical, datetime, text or id.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>How many values are missing.</summary>
    public long? Missing { get; init; }

    /// <summary>How many distinct values it has.</summary>
    public long? Distinct { get; init; }
}
