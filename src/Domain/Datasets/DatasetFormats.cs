namespace AutoMl.Domain.Datasets;

public static class DatasetFormats
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "csv",
        [".tsv"] = "tsv",
        [".tab"] = "tsv",
        [".txt"] = "csv",
        [".parquet"] = "parquet",
        [".pq"] = "parquet",
        [".jsonl"] = "jsonl",
        [".ndjson"] = "jsonl",
        [".json"] = "jsonl",
    };

    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;

    /// <summary>The format named by a file name's extension, or null for one we do not read.</summary>
    public static string? FromFileName(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName), out var format) ? format : null;
}
