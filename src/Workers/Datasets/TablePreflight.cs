using System.Globalization;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using AutoMl.Ml.Data;
using DuckDB.NET.Data;

namespace AutoMl.Workers.Datasets;

/// <summary>
/// Checks the engine's reader does not make itself: a Parquet column that is nested (the reader would keep a
/// STRUCT or LIST as its text, which no model can learn from), a table too wide to ingest in reasonable time, and a
/// Parquet whose footer says it expands past the tier's <see cref="IngestLimits"/> (a compression bomb), all before
/// any row is read. Throws <see cref="DataFormatException"/>, so the data set fails with a message for its owner.
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

    public static void Check(string path, string displayName, Tier tier)
    {
        var parquet = IsParquet(path);
        if (parquet)
        {
            CheckFooter(path, displayName, tier);
        }
        var columns = parquet ? ParquetColumns(path, displayName) : null;
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

    /// <summary>Rows, cells and uncompressed bytes as the footer states them, against the tier's caps.</summary>
    private static void CheckFooter(string path, string displayName, Tier tier)
    {
        var limits = IngestLimits.For(tier);
        var (rows, leaves, uncompressed) = Footer(path, displayName);
        var tierName = tier.ToString().ToLowerInvariant();
        string? problem = null;
        if (rows > limits.MaxRows)
        {
            problem = $"{displayName} holds {rows:N0} rows; the {tierName} tier ingests files of up to {limits.MaxRows:N0} rows.";
        }
        else if (rows * leaves > limits.MaxCells)
        {
            problem = $"{displayName} holds {rows * leaves:N0} cells ({rows:N0} rows × {leaves:N0} columns); the {tierName} tier ingests files of up to {limits.MaxCells:N0} cells.";
        }
        else if (uncompressed > limits.MaxUncompressedBytes)
        {
            problem = $"{displayName} expands to {uncompressed / (1024.0 * 1024 * 1024):N1} GiB when decompressed; the {tierName} tier ingests files of up to {limits.MaxUncompressedBytes / (1024L * 1024 * 1024):N0} GiB decompressed.";
        }
        if (problem is not null)
        {
            throw new DataFormatException(
                string.Create(CultureInfo.InvariantCulture, $"{problem} Nothing was read. Split the file, keep the rows and columns you need, or upgrade."),
                displayName, null, null);
        }
    }

    private static (long Rows, long Leaves, long Uncompressed) Footer(string path, string displayName)
    {
        using var connection = DuckDbSandbox.Open([path], IngestOptions.Default);
        using var command = connection.CreateCommand();
        var file = Quote(path);
        command.CommandText = $"""
            SELECT (SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({file})),
                   (SELECT CAST(count(DISTINCT path_in_schema) AS BIGINT) FROM parquet_metadata({file})),
                   (SELECT CAST(coalesce(sum(total_uncompressed_size), 0) AS BIGINT) FROM parquet_metadata({file}))
            """;
        try
        {
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        catch (DuckDBException error)
        {
            throw new DataFormatException($"{displayName} starts like a Parquet file but its footer cannot be read; it may be cut short. Upload it again.", displayName, null, null, error);
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

    private static string Quote(string literal) => "'" + literal.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static List<(string Name, string Type)> ParquetColumns(string path, string displayName)
    {
        using var connection = DuckDbSandbox.Open([path], IngestOptions.Default);
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet({Quote(path)})";
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
