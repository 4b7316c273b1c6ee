using System.Globalization;
using AutoMl.Ml.Data;
using DuckDB.NET.Data;

namespace AutoMl.Workers.Datasets;

/// <summary>
/// Checks the engine's reader does not make itself: a Parquet column that is nested (the reader would keep a
/// STRUCT or LIST as its text, which no model can learn from), and a table too wide to ingest in reasonable time.
/// Throws <see cref="DataFormatException"/>, so the data set fails with a message for its owner.
/// </summary>
internal static class TablePreflight
{
    /// <summary>
    /// The engine's inference and profiling now batch their queries (on 200 rows: 2,000 columns about 28 s end to
    /// end, 4,000 about 34 s), but DuckDB itself needs more than a gigabyte to write 10,000 columns, since it
    /// buffers 2,048 rows per column. 2,000 is the width tested in tests/Ml.Tests (WideTableTests).
    /// </summary>
    public const int MaxColumns = 2_000;

    private static readonly string[] NestedTypes = ["STRUCT", "MAP", "UNION", "LIST"];

    public static void Check(string path, string displayName)
    {
        var columns = IsParquet(path) ? ParquetColumns(path, displayName) : null;
        if (columns is not null)
        {
            var nested = columns.Where(c => IsNested(c.Type)).Select(c => $"'{c.Name}' ({c.Type})").ToList();
            if (nested.Count > 0)
            {
                throw new DataFormatException(
                    $"{displayName} has nested column{(nested.Count > 1 ? "s" : string.Empty)} {string.Join(", ", nested)}: a table for training needs one plain value per cell. Flatten {(nested.Count > 1 ? "them" : "it")} into separate columns (for example with DuckDB's unnest) and upload again.",
                    displayName, null, columns.First(c => IsNested(c.Type)).Name);
            }
        }

        var width = columns?.Count ?? CsvHeader.FieldCount(path);
        if (width > MaxColumns)
        {
            throw new DataFormatException(
                string.Create(CultureInfo.InvariantCulture, $"{displayName} has {width:N0} columns; we read tables of up to {MaxColumns:N0} columns. Keep the columns you want to learn from and upload again."),
                displayName, null, null);
        }
    }

    private static bool IsParquet(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Length >= 8 && file.Read(magic) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    private static bool IsNested(string type) =>
        type.EndsWith(']') || NestedTypes.Any(n => type.StartsWith(n, StringComparison.OrdinalIgnoreCase));

    private static List<(string Name, string Type)> ParquetColumns(string path, string displayName)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        try
        {
            using var reader = command.ExecuteReader();
            var columns = new List<(string, string)>();
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
            return columns;
        }
        catch (DuckDBException error)
        {
            throw new DataFormatException($"{displayName} starts like a Parquet file but its footer cannot be read; it may be cut short. Upload it again.", displayName, null, null, error);
        }
    }
}
