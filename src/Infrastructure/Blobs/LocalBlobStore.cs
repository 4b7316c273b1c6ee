namespace AutoMl.Infrastructure.Blobs;

/// <summary>Blobs as files under one root folder; a key can never name a path outside it.</summary>
public sealed class LocalBlobStore(string root) : IBlobStore
{
    private readonly string root = Path.GetFullPath(root);

    public bool SupportsPresignedUploads => false;

    public async Task PutFileAsync(string key, string path, CancellationToken ct)
    {
        await using var source = File.OpenRead(path);
        await PutAsync(key, source, ct);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and renamed, so a reader never sees half a blob.
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await content.CopyToAsync(file, 1 << 16, ct);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new BlobNotFoundException(key);
        }
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
    }

    public async Task DownloadToFileAsync(string key, string path, CancellationToken ct)
    {
        await using var source = await OpenReadAsync(key, ct);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, 1 << 16, ct);
    }

    public Task<long?> SizeAsync(string key, CancellationToken ct)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        // Deleting what is not there succeeds, as on S3: File.Delete forgives a missing file but not a missing folder.
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
        }
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken ct)
    {
        var folder = PathOf(prefix.TrimEnd('/'));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    public async Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct)
    {
        await using var source = await OpenReadAsync(sourceKey, ct);
        await PutAsync(targetKey, source, ct);
    }

    public Task<int> DeleteOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct)
    {
        var folder = PathOf(prefix.TrimEnd('/'));
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) < before.UtcDateTime)
            {
                File.Delete(file);
                deleted++;
            }
        }
        return Task.FromResult(deleted);
    }

    /// <summary>The folder store takes no multipart uploads, so there is never one to abort.</summary>
    public Task<int> AbortMultipartUploadsUnderPrefixAsync(string prefix, DateTimeOffset startedBefore, CancellationToken ct) => Task.FromResult(0);

    public Task<PresignedUpload> StartPresignedUploadAsync(string key, long sizeBytes, TimeSpan validFor, CancellationToken ct) =>
        throw new NotSupportedException("The local folder store takes uploads through the API only.");

    public Task CompletePresignedUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken ct) =>
        throw new NotSupportedException("The local folder store takes uploads through the API only.");

    public Task AbortPresignedUploadAsync(string key, string uploadId, CancellationToken ct) => Task.CompletedTask;

    private string PathOf(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains('\\', StringComparison.Ordinal) || key.Split('/').Any(s => s is "." or ".."))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        }
        return path;
    }
}
