using System.Text.Json;

namespace AutoMl.Infrastructure.Datasets;

/// <summary>The column names of a data set's stored profile (<see cref="Dataset.ColumnsJson"/>).</summary>
public static class DatasetColumns
{
    /// <returns>The names, empty before the data set is ingested.</returns>
    public static HashSet<string> Names(string? columnsJson)
    {
        if (columnsJson is null)
        {
            return [];
        }
        using var doc = JsonDocument.Parse(columnsJson);
        return doc.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
    }
}
