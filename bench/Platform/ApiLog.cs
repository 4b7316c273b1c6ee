using System.Text.Json;

namespace AutoMl.Bench.Platform;

/// <summary>
/// The API's own view of a request's duration: Serilog's request log line ("Elapsed", from the start of
/// the request middleware to the end of the pipeline) in the API's JSON-lines output, read from an offset.
/// </summary>
internal sealed class ApiLog(string path)
{
    public long Mark() => new FileInfo(path).Length;

    public async Task<List<double>> ElapsedSinceAsync(long offset, Func<string, bool> requestPath)
    {
        // Serilog writes the line after the response went out: give the last ones a moment to land.
        await Task.Delay(500);
        var elapsed = new List<double>();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith('{') || !line.Contains("\"Elapsed\"", StringComparison.Ordinal))
            {
                continue;
            }
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("RequestPath", out var p) && requestPath(p.GetString() ?? "")
                && root.TryGetProperty("Elapsed", out var ms))
            {
                elapsed.Add(ms.GetDouble());
            }
        }
        return elapsed;
    }
}
