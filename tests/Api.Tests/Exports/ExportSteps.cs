using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;

namespace AutoMl.Api.Tests.Exports;

internal static class ExportSteps
{
    public static async Task<JsonElement> RequestExportAsync(this HttpClient http) =>
        await (await http.PostAsync("/api/v1/me/export", null)).JsonAsync(HttpStatusCode.Accepted);

    public static Task<JsonElement> ExportUntilAsync(this HttpClient http, string id, Func<string, bool> done) =>
        Eventually.ReadAsync(async () => await (await http.GetAsync($"/api/v1/me/exports/{id}")).JsonAsync(),
            e => done(e.GetProperty("status").GetString()!), $"export {id} to finish", TimeSpan.FromSeconds(90));

    /// <summary>Every entry of the zip, by path, decompressed.</summary>
    public static async Task<Dictionary<string, byte[]>> EntriesAsync(HttpResponseMessage response)
    {
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            entries.Add(entry.FullName, copy.ToArray());
        }
        return entries;
    }

    public static List<JsonElement> Lines(this Dictionary<string, byte[]> zip, string path) =>
        System.Text.Encoding.UTF8.GetString(zip[path]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    public static HashSet<string> Ids(this Dictionary<string, byte[]> zip, string path, string property = "id") =>
        zip.Lines(path).Select(l => l.GetProperty(property).ToString()).ToHashSet();
}
