using System.Globalization;
using DuckDB.NET.Data;

namespace AutoMl.Ml.Data;

/// <summary>
/// Opens every DuckDB the platform uses, confined to the files of one task. The files are user uploads, so a DuckDB
/// that could reach the network, other files or extensions would turn any SQL we build from them into a foothold;
/// and a small compressed file can spill without end. DuckDB 1.5 keeps reading the allowed folders with external
/// access off (its spill folder stays usable), and the locked configuration cannot be turned back on by a query.
/// </summary>
public static class DuckDbSandbox
{
    /// <summary>An open in-memory connection that may read and write only in the folders of <paramref name="files"/>.</summary>
    public static DuckDBConnection Open(IReadOnlyCollection<string> files, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        try
        {
            var temp = options.TempDirectory ?? Path.Combine(Path.GetTempPath(), "automl-duckdb");
            Directory.CreateDirectory(temp);
            var folders = files
                .Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!)
                .Distinct(StringComparer.Ordinal)
                .Select(d => Quote(d.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar));
            Execute(connection, $"SET memory_limit = {Quote(options.MemoryLimit)}");
            Execute(connection, $"SET temp_directory = {Quote(temp)}");
            Execute(connection, $"SET max_temp_directory_size = {Quote(options.MaxTempDirectorySize)}");
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {Math.Max(1, options.Threads)}"));
            Execute(connection, "SET preserve_insertion_order = true");

            // Profiling and inference query the same Parquet many times; without the cache each query parses its
            // footer again, whose size grows with the width, which made wide files quadratic.
            Execute(connection, "SET parquet_metadata_cache = true");
            Execute(connection, $"SET allowed_directories = [{string.Join(", ", folders)}]");
            Execute(connection, "SET enable_external_access = false");
            Execute(connection, "SET autoinstall_known_extensions = false");
            Execute(connection, "SET autoload_known_extensions = false");
            Execute(connection, "SET lock_configuration = true");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string Quote(string literal) => "'" + literal.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
