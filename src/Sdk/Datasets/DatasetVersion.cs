namespace AutoMl.Sdk;

/// <summary>One version of a data set, as the versions list shows it.</summary>
public sealed class DatasetVersion
{
    /// <summary>Its number in the lineage: 1, 2, 3…</summary>
    public int Version { get; init; }

    /// <summary>The version's own data set id: train on it, preview it or download it like any data set.</summary>
    public Guid Id { get; init; }

    /// <summary>Its name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>uploading, ingesting, ready or failed.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Why ingestion failed, when <see cref="Status"/> is failed.</summary>
    public string? Error { get; init; }

    /// <summary>The number of rows, once ingested.</summary>
    public long? Rows { get; init; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How its columns differ from the latest earlier version that was ingested; null for version 1 and until ingested.</summary>
    public SchemaChanges? SchemaChanges { get; init; }
}
