namespace AutoMl.Sdk;

/// <summary>An uploaded data set and what ingestion learned about it.</summary>
public sealed class Dataset
{
    /// <summary>The data set's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Its name, usually the uploaded file's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>uploading, ingesting, ready or failed.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Why ingestion failed, when <see cref="Status"/> is failed.</summary>
    public string? Error { get; init; }

    /// <summary>The file format: csv, parquet, json…</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary>The uploaded file's size.</summary>
    public long SizeBytes { get; init; }

    /// <summary>The SHA-256 of the uploaded bytes, once known.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The number of rows, once ingested.</summary>
    public long? Rows { get; init; }

    /// <summary>The columns, once ingested; null in lists.</summary>
    public IReadOnlyList<DatasetColumn>? Columns { get; init; }

    /// <summary>The column the platform guesses is the target.</summary>
    public string? TargetSuggestion { get; init; }

    /// <summary>The task the platform guesses for that target: binary, multiclass or regression.</summary>
    public string? TaskSuggestion { get; init; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a job last used it.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Its number among the versions of its lineage: 1 for a first upload.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The lineage's newest version number.</summary>
    public int LatestVersion { get; init; } = 1;

    /// <summary>How its columns differ from the latest earlier version that was ingested; null for version 1, in lists and until ingested.</summary>
    public SchemaChanges? SchemaChanges { get; init; }

    /// <summary>What the ingest's data checks found: the columns' own and the suggested target's; null in lists and for data sets ingested before checks existed.</summary>
    public IReadOnlyList<DataCheck>? Checks { get; init; }

    /// <summary>True when ingestion has ended, ready or failed.</summary>
    public bool IsSettled => Status is DatasetStatuses.Ready or DatasetStatuses.Failed;
}
