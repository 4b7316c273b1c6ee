using System.Globalization;
using DuckDB.NET.Data;

namespace AutoMl.Ml.Data;

/// <summary>An in-memory DuckDB with our memory cap and spill folder, so larger-than-memory files still work.</summary>
internal sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbSession(IngestOptions options)
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        var temp = options.TempDirectory ?? Path.Combine(Path.GetTempPath(), "automl-duckdb");
        Directory.CreateDirectory(temp);
        Execute($"SET memory_limit = {Quote(options.MemoryLimit)}");
        Execute($"SET temp_directory = {Quote(temp)}");
        Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {Math.Max(1, options.Threads)}"));
        Execute("SET preserve_insertion_order = true");
    }

    public DuckDBConnection Connection => _connection;

    public static string Quote(string literal) => "'" + literal.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Column names and DuckDB type names of a query, without running it.</summary>
    public List<(string Name, string Type)> Describe(string relation)
    {
        var rows = Rows($"DESCRIBE SELECT * FROM {relation}");
        return rows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
    }

    public void Dispose() => _connection.Dispose();
}
