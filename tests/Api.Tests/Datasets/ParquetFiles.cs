using DuckDB.NET.Data;
using Parquet;
using Parquet.Serialization;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>Parquet files from two different writers, made in the test so every case says what it holds.</summary>
internal static class ParquetFiles
{
    /// <summary>Writes the query's rows with DuckDB's own Parquet writer, e.g. <c>WithDuckDb("SELECT 1 AS a", "COMPRESSION zstd")</c>.</summary>
    public static byte[] WithDuckDb(string select, string options = "COMPRESSION snappy") =>
        InTempFile(path => DuckDb($"COPY ({select}) TO '{path}' (FORMAT parquet, {options})"));

    /// <summary>Writes the rows with Parquet.Net, asking for dictionary pages on <paramref name="dictionaryColumns"/>.</summary>
    public static async Task<byte[]> WithParquetNetAsync<T>(IEnumerable<T> rows, CompressionMethod compression, params string[] dictionaryColumns)
    {
        var path = TempPath();
        try
        {
            var options = new ParquetOptions { CompressionMethod = compression };
            foreach (var column in dictionaryColumns)
            {
                options.ColumnEncodingHints[column] = EncodingHint.Dictionary;
            }
            await ParquetSerializer.SerializeAsync(rows, path, options);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What the file's footer says about one column chunk: its codec and its encodings.</summary>
    public static (string Codec, string Encodings) ColumnChunk(byte[] parquet, string column) => InTempFile(parquet, path =>
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT compression, encodings FROM parquet_metadata('{path}') WHERE path_in_schema = '{column}' LIMIT 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"The Parquet file has no column chunk '{column}'.");
        return (reader.GetString(0), reader.GetString(1));
    });

    private static void DuckDb(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private static byte[] InTempFile(Action<string> write)
    {
        var path = TempPath();
        try
        {
            write(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static T InTempFile<T>(byte[] content, Func<string, T> read)
    {
        var path = TempPath();
        try
        {
            File.WriteAllBytes(path, content);
            return read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"automl-test-{Guid.NewGuid():N}.parquet");
}
