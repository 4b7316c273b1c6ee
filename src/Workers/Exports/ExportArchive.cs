using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMl.Infrastructure.Blobs;

namespace AutoMl.Workers.Exports;

/// <summary>
/// A zip written entry by entry to a file: rows are serialised one at a time as they stream from Postgres, blobs are
/// copied through a buffer, so no file or table is ever held whole in memory. It keeps the list of what it holds for
/// the README.
/// </summary>
internal sealed class ExportArchive : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    private readonly ZipArchive zip;
    private readonly List<(string Path, string What)> contents = [];

    public ExportArchive(Stream target) => zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: false);

    public IReadOnlyList<(string Path, string What)> Contents => contents;

    /// <summary>One JSON object per line; answers how many rows it wrote.</summary>
    public async Task<int> AddLinesAsync<T>(string path, string what, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var count = 0;
        await using (var stream = Open(path))
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                await JsonSerializer.SerializeAsync(stream, row, Json, ct);
                stream.WriteByte((byte)'\n');
                count++;
            }
        }
        contents.Add((path, $"{what} ({count} {(count == 1 ? "row" : "rows")})"));
        return count;
    }

    public async Task AddJsonAsync<T>(string path, string what, T value, CancellationToken ct)
    {
        await using (var stream = Open(path))
        {
            await JsonSerializer.SerializeAsync(stream, value, Indented, ct);
        }
        contents.Add((path, what));
    }

    /// <summary>Copies a blob in; answers false (and adds nothing) when the store has none under the key.</summary>
    public async Task<bool> AddBlobAsync(string path, string what, IBlobStore blobs, string key, CancellationToken ct)
    {
        Stream source;
        try
        {
            source = await blobs.OpenReadAsync(key, ct);
        }
        catch (BlobNotFoundException)
        {
            return false;
        }
        await using (source)
        await using (var stream = Open(path))
        {
            await source.CopyToAsync(stream, 1 << 16, ct);
        }
        contents.Add((path, what));
        return true;
    }

    public async Task AddTextAsync(string path, string text, CancellationToken ct)
    {
        await using var stream = Open(path);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }

    private Stream Open(string path) => zip.CreateEntry(path, CompressionLevel.Fastest).Open();

    public void Dispose() => zip.Dispose();
}
