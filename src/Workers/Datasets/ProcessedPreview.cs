using System.Text.Json;
using System.Text.Json.Nodes;
using AutoMl.Ml.Data;

namespace AutoMl.Workers.Datasets;

/// <summary>The first rows of a processed Parquet as JSON, stored with the data set so previews need no blob read.</summary>
internal static class ProcessedPreview
{
    public const int Rows = 100;

    public static string Read(string parquetPath)
    {
        using var connection = DuckDbSandbox.Open([parquetPath], IngestOptions.Default);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{parquetPath.Replace("'", "''", StringComparison.Ordinal)}') LIMIT {Rows}";
        using var reader = command.ExecuteReader();
        var columns = new JsonArray();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns.Add(reader.GetName(i));
        }
        var rows = new JsonArray();
        while (reader.Read())
        {
            var row = new JsonArray();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Add(reader.IsDBNull(i) ? null : Cell(reader.GetValue(i)));
            }
            rows.Add(row);
        }
        return new JsonObject { ["columns"] = columns, ["rows"] = rows }.ToJsonString();
    }

    private static JsonValue? Cell(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        float f => float.IsFinite(f) ? JsonValue.Create(f) : null,
        decimal m => JsonValue.Create(m),
        sbyte or byte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        ulong u => JsonValue.Create(u),
        DateTime t => JsonValue.Create(t.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        DateTimeOffset t => JsonValue.Create(t.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
