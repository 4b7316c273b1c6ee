namespace AutoMl.Sdk.Datasets;

/// <summary>The answer of POST /datasets/uploads.</summary>
internal sealed class PresignedUpload
{
    public Guid UploadId { get; init; }

    public Guid DatasetId { get; init; }

    public long PartSizeBytes { get; init; }

    public IReadOnlyList<PresignedPart> Parts { get; init; } = [];
}

internal sealed record PresignedPart(int PartNumber, Uri Url);

internal sealed record UploadedPart(int PartNumber, string Etag);
