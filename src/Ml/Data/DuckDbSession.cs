using DuckDB.NET.Data;

namespace AutoMl.Ml.Data;

/// <summary>An in-memory DuckDB with our memory cap and spill folder, so larger-than-memory files still work.</summary>
internal sealed class DuckDbSession : IDisposable
{
    /// <summary>
    /// Aggregates that keep a hash table per column (count DISTINCT, histogram) each reserve memory per thread, so
    /// fewer of them share a scan: 2,000 exact distinct counts in one query ran out of a 1 GB limit.
    /// </summary>
    public const int HashAggregatesPerQuery = 100;

    private const int AggregatesPerQuery = 2_000;

    private readonly DuckDBConnection _connection;

    /// <summary>A session that may read and write only in the folders of <paramref name="files"/> (see <see cref="DuckDbSandbox"/>).</summary>
    public DuckDbSession(IngestOptions options, IReadOnlyCollection<string> files)
    {
        _connection = DuckDbSandbox.Open(files, options);
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

    /// <summary>
    /// Values of many aggregate expressions over one relation (each expression yields <paramref name="width"/> values),
    /// in as few scans as the batch size allows: one query per column would bind the whole (possibly
    /// 10,000-column) relation once per column.
    /// </summary>
    public object?[] Aggregates(string relation, IReadOnlyList<string> expressions, int width = 1, int? batch = null)
    {
        var values = new object?[expressions.Count * width];
        var perQuery = batch ?? Math.Max(1, AggregatesPerQuery / width);
        for (var start = 0; start < expressions.Count; start += perQuery)
        {
            var count = Math.Min(perQuery, expressions.Count - start);
            var row = Rows($"SELECT {string.Join(", ", expressions.Skip(start).Take(count))} FROM {relation}")[0];
            Array.Copy(row, 0, values, start * width, count * width);
        }

        return values;
    }

    /// <summary>Column names and DuckDB type names of a query, without running it.</summary>
    public List<(string Name, string Type)> Describe(string relation)
    {
        var rows = Rows($"DESCRIBE SELECT * FROM {relation}");
        return rows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
    }

    public void Dispose() => _connection.Dispose();
}
