using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AutoMl.Api.Datasets;

/// <summary>
/// An upload streamed to a temporary file while its SHA-256 is computed, so the API never holds a
/// file in memory whatever its size. Reads a multipart body's "file" field or a raw body.
/// </summary>
internal sealed class UploadedFile : IAsyncDisposable
{
    private UploadedFile(string path, string? fileName, long length, string sha256)
    {
        Path = path;
        FileName = fileName;
        Length = length;
        Sha256 = sha256;
    }

    public string Path { get; }
    public string? FileName { get; }
    public long Length { get; }
    public string Sha256 { get; }

    /// <exception cref="UploadTooLargeException">The body went past <paramref name="maxBytes"/>.</exception>
    /// <exception cref="InvalidDataException">A multipart body without a "file" field.</exception>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.HasFormContentType && MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary)
        {
            // The reader's own limit (128 MB by default) sits above ours, so the caller sees our 413 rather than its error.
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes + (1 << 20) };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFileDisposition() && disposition.Name.Value is "file")
                {
                    return await SaveAsync(section.Body, disposition.FileName.Value ?? disposition.FileNameStar.Value, maxBytes, ct);
                }
            }
            throw new InvalidDataException("The multipart body has no 'file' field: send the file as the form field named 'file'.");
        }
        return await SaveAsync(request.Body, null, maxBytes, ct);
    }

    /// <summary>Copies a stream the API holds itself (a bundled sample) the way an upload is read.</summary>
    /// <exception cref="UploadTooLargeException">The stream went past <paramref name="maxBytes"/>.</exception>
    public static Task<UploadedFile> CopyAsync(Stream content, string fileName, long maxBytes, CancellationToken ct) =>
        SaveAsync(content, fileName, maxBytes, ct);

    private static async Task<UploadedFile> SaveAsync(Stream body, string? fileName, long maxBytes, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "automl-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long total = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new UploadTooLargeException(maxBytes);
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return new UploadedFile(path, fileName, total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

internal sealed class UploadTooLargeException(long maxBytes) : Exception($"The upload is larger than the {maxBytes:N0} bytes allowed.")
{
    public long MaxBytes { get; } = maxBytes;
}
