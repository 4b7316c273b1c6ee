namespace AutoMl.Sdk;

/// <summary>How a data set version's columns differ from an earlier version's.</summary>
public sealed class SchemaChanges
{
    /// <summary>The version compared with: the latest earlier one that was ingested.</summary>
    public int ComparedWithVersion { get; init; }

    /// <summary>Columns this version has and the earlier one did not.</summary>
    public IReadOnlyList<SchemaColumn> Added { get; init; } = [];

    /// <summary>Columns the earlier version had and this one does not.</summary>
    public IReadOnlyList<SchemaColumn> Removed { get; init; } = [];

    /// <summary>Columns in both whose type changed.</summary>
    public IReadOnlyList<RetypedColumn> Retyped { get; init; } = [];
}

/// <summary>A column named with its type.</summary>
public sealed class SchemaColumn
{
    /// <summary>The column's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>numeric, boolean, categorical, datetime, text or id.</summary>
    public string Type { get; init; } = string.Empty;
}

/// <summary>A column whose type changed between two versions.</summary>
public sealed class RetypedColumn
{
    /// <summary>The column's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Its type in the earlier version.</summary>
    public string From { get; init; } = string.Empty;

    /// <summary>Its type in this version.</summary>
    public string To { get; init; } = string.Empty;
}
