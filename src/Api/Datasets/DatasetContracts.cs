using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Datasets;

namespace AutoMl.Api.Datasets;

public sealed record DatasetView(
    Guid Id,
    string Name,
    DatasetStatus Status,
    string? Error,
    string Format,
    long SizeBytes,
    string? Sha256,
    long? Rows,
    IReadOnlyList<DatasetColumn>? Columns,
    string? TargetSuggestion,
    string? TaskSuggestion,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    [property: System.ComponentModel.Description("This data set's number among the versions of its lineage: 1 for a first upload.")]
    int Version = 1,
    [property: System.ComponentModel.Description("The newest version number of this data set's lineage.")]
    int LatestVersion = 1,
    [property: System.ComponentModel.Description("How the columns differ from the latest earlier version that was ingested; null for version 1 and until this version is ingested.")]
    SchemaChanges? SchemaChanges = null,
    [property: System.ComponentModel.Description("What the ingest found: checks of the columns alone (target null) and of the suggested target (leakage, class imbalance); null for a data set ingested before checks existed. GET /datasets/{id}/checks?target= gives another target's.")]
    IReadOnlyList<DatasetCheck>? Checks = null);

/// <param name="ExcludedByDefault">The columns a training job on this target leaves out unless its request keeps them (keepColumns): leaking columns and identifiers.</param>
public sealed record DatasetChecksView(Guid DatasetId, string Target, string Task, IReadOnlyList<DatasetCheck> Checks, IReadOnlyList<string> ExcludedByDefault);

public sealed record DatasetVersionView(
    int Version,
    Guid Id,
    string Name,
    DatasetStatus Status,
    string? Error,
    long? Rows,
    DateTimeOffset CreatedAt,
    SchemaChanges? SchemaChanges);

/// <param name="Name">The new version's name; left out, it keeps the name of the version it was added to.</param>
/// <param name="FileName">The file's name, whose extension tells its format (data.parquet); left out, the version's name tells it.</param>
public sealed record StartVersionUploadRequest(
    [property: Range(1, long.MaxValue, ErrorMessage = "sizeBytes is the file's size in bytes, at least 1.")]
    long SizeBytes,
    [property: StringLength(200, MinimumLength = 1, ErrorMessage = "A data set name has 1 to 200 characters.")]
    string? Name = null,
    [property: StringLength(300, ErrorMessage = "fileName has at most 300 characters.")]
    string? FileName = null);

public sealed record DatasetSummary(Guid Id, string Name, DatasetStatus Status, string Format, long SizeBytes, long? Rows, DateTimeOffset CreatedAt,
    [property: System.ComponentModel.Description("This data set's number among the versions of its lineage: 1 for a first upload.")]
    int Version = 1) : AutoMl.Infrastructure.Persistence.IKeysetRow;

public sealed record DatasetPreview(JsonElement Columns, JsonElement Rows);

public sealed record RenameDatasetRequest(
    [property: Required(ErrorMessage = "Give the data set a name.")]
    [property: StringLength(200, MinimumLength = 1, ErrorMessage = "A data set name has 1 to 200 characters.")]
    string Name);

public sealed record StartUploadRequest(
    [property: Required(ErrorMessage = "Give the data set a name, usually the file name.")]
    [property: StringLength(200, MinimumLength = 1, ErrorMessage = "A data set name has 1 to 200 characters.")]
    string Name,
    [property: Range(1, long.MaxValue, ErrorMessage = "sizeBytes is the file's size in bytes, at least 1.")]
    long SizeBytes);

public sealed record UploadPartUrl(int PartNumber, Uri Url);

public sealed record StartedUpload(Guid UploadId, Guid DatasetId, long PartSizeBytes, DateTimeOffset ExpiresAt, IReadOnlyList<UploadPartUrl> Parts);

public sealed record CompletedPart(
    [property: Range(1, 10000, ErrorMessage = "partNumber is from 1 to 10,000.")] int PartNumber,
    [property: Required(ErrorMessage = "Each part needs the ETag the store answered its PUT with.")] string Etag);

public sealed record CompleteUploadRequest(IReadOnlyList<CompletedPart>? Parts);

/// <param name="Tier">The account's tier, whose limits these are.</param>
/// <param name="UsedBytes">Stored data sets (a re-upload of the same file counts once).</param>
/// <param name="ReservedBytes">Held by uploads in progress.</param>
/// <param name="QuotaBytes">All the tier may store.</param>
/// <param name="AvailableBytes">What is left of the quota: the largest file that fits now is the smaller of this and MaxUploadBytes.</param>
/// <param name="MaxUploadBytes">The largest single file the tier takes.</param>
/// <param name="RetentionDays">Data sets unused this many days are deleted (with an email a week before).</param>
public sealed record StorageUsageView(Tier Tier, long UsedBytes, long ReservedBytes, long QuotaBytes, long AvailableBytes, long MaxUploadBytes, int RetentionDays);
