namespace AutoMl.Infrastructure.Blobs;

/// <summary>Where uploads, processed data sets, model bundles and prediction files live: a local folder or an S3-compatible bucket.</summary>
public interface IBlobStore
{
    /// <summary>Stores a local file under the key (replacing any blob there).</summary>
    Task PutFileAsync(string key, string path, CancellationToken ct);

    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <exception cref="BlobNotFoundException">No blob has this key.</exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    /// <exception cref="BlobNotFoundException">No blob has this key.</exception>
    Task DownloadToFileAsync(string key, string path, CancellationToken ct);

    /// <summary>The blob's size in bytes, or null when there is none.</summary>
    Task<long?> SizeAsync(string key, CancellationToken ct);

    /// <summary>Deletes one blob; deleting a missing blob is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Deletes every blob whose key starts with the prefix (a user's or a data set's folder).</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken ct);

    /// <summary>Copies one blob to another key (replacing any blob there).</summary>
    /// <exception cref="BlobNotFoundException">No blob has the source key.</exception>
    Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct);

    /// <summary>Deletes the blobs under the prefix last written before <paramref name="before"/>; answers how many.</summary>
    Task<int> DeleteOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct);

    /// <summary>Whether clients can send bytes straight to the store with presigned URLs.</summary>
    bool SupportsPresignedUploads { get; }

    /// <summary>
    /// Presigned PUT URLs for the blob, one per part, each signed with its part's exact Content-Length, so the store
    /// refuses a body of any other size: parts of <see cref="PresignedUpload.PartSizeBytes"/> but the last.
    /// </summary>
    Task<PresignedUpload> StartPresignedUploadAsync(string key, long sizeBytes, TimeSpan validFor, CancellationToken ct);

    Task CompletePresignedUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken ct);

    Task AbortPresignedUploadAsync(string key, string uploadId, CancellationToken ct);

    /// <summary>
    /// Aborts every unfinished multipart upload whose key starts with the prefix and that started before
    /// <paramref name="startedBefore"/> (pass <see cref="DateTimeOffset.MaxValue"/> for all, as account deletion does
    /// with <see cref="BlobKeys.UploadPrefix"/>), deleting their parts; answers how many. A store that cannot list
    /// multipart uploads (s3rver) answers 0.
    /// </summary>
    Task<int> AbortMultipartUploadsUnderPrefixAsync(string prefix, DateTimeOffset startedBefore, CancellationToken ct);
}

public sealed record PresignedPart(int PartNumber, Uri Url);

public sealed record PresignedUpload(string UploadId, IReadOnlyList<PresignedPart> Parts, long PartSizeBytes);

public sealed record UploadedPart(int PartNumber, string ETag);

public sealed class BlobNotFoundException(string key) : Exception($"No blob is stored under '{key}'.")
{
    public string Key { get; } = key;
}
