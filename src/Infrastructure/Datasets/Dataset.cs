using AutoMl.Domain.Datasets;

namespace AutoMl.Infrastructure.Datasets;

public sealed class Dataset : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public DatasetStatus Status { get; set; }
    public string? Error { get; set; }
    public required string Format { get; set; }
    public long SizeBytes { get; set; }
    public string? Sha256 { get; set; }

    /// <summary>Blob keys; a re-upload of the same file shares its twin's blobs instead of storing them again.</summary>
    public required string OriginalKey { get; set; }
    public string? ProcessedKey { get; set; }

    /// <summary>The S3 multipart upload id while a presigned upload is open.</summary>
    public string? UploadId { get; set; }

    public long? Rows { get; set; }

    /// <summary>Schema and profile per column, as the API shows them (jsonb).</summary>
    public string? ColumnsJson { get; set; }

    /// <summary>The first rows, for the preview endpoint without reading the blob (jsonb).</summary>
    public string? PreviewJson { get; set; }

    /// <summary>The data checks of the ingest (<see cref="DatasetCheck"/> list, jsonb): the columns' and the suggested target's; null before checks existed.</summary>
    public string? ChecksJson { get; set; }

    /// <summary>
    /// The target checks of every other column that could be a target, computed by the ingest on the sample (target name
    /// → its <see cref="DatasetCheck"/> list for the task the engine infers, jsonb), so a submission or the Train page reads
    /// them instead of running the leakage screen; null for data sets ingested before, or too wide to screen every column.
    /// </summary>
    public string? TargetChecksJson { get; set; }

    /// <summary>The associations among the top columns (<see cref="DatasetAssociations"/>, jsonb); null before associations existed.</summary>
    public string? AssociationsJson { get; set; }

    /// <summary>A sample of the rows (Parquet) the checks of another target read, instead of the whole processed file.</summary>
    public string? SampleKey { get; set; }

    public string? TargetSuggestion { get; set; }
    public string? TaskSuggestion { get; set; }
    public int IngestAttempts { get; set; }

    /// <summary>Set while a worker ingests; a lapsed lease means the worker died and the data set is ingested again.</summary>
    public DateTimeOffset? IngestLeaseUntil { get; set; }

    /// <summary>
    /// The id of the lineage's first version: each version of a data set is a row of its own, so ingest, storage,
    /// quota and previews treat it like any upload. A row created without a lineage starts its own (ADR 0010).
    /// </summary>
    public Guid LineageId
    {
        get => lineageId ?? Id;
        set => lineageId = value;
    }

    private Guid? lineageId;

    /// <summary>1, 2, 3… within the lineage, numbered under the user's lock and unique by index.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastUsedAt { get; set; }
    public DateTimeOffset? DeletionWarnedAt { get; set; }
}
