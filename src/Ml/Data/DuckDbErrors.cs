using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace AutoMl.Ml.Data;

/// <summary>Turns DuckDB's multi-paragraph errors into one sentence naming the file, line and column.</summary>
internal static partial class DuckDbErrors
{
    public static DataFormatException Translate(DuckDBException error, string fileName) => Translate(error.Message, fileName, error);

    public static DataFormatException Translate(string message, string fileName, Exception? error = null)
    {
        long? line = LinePattern().Match(message) is { Success: true } l ? long.Parse(l.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var column = ColumnPattern().Match(message) is { Success: true } c ? c.Groups[1].Value : null;
        var summary = Summary(message);
        var where = fileName + (line is null ? string.Empty : $", line {line}") + (column is null ? string.Empty : $", column '{column}'");
        return new DataFormatException($"{where}: {summary}", fileName, line, column, error);
    }

    private static string Summary(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var interesting = lines.FirstOrDefault(l =>
            !l.StartsWith("Original Line", StringComparison.Ordinal) && !l.Contains("CSV Error on Line", StringComparison.Ordinal) &&
            !l.EndsWith("Error:", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? message;
        return PrefixPattern().Replace(interesting, string.Empty);
    }

    [GeneratedRegex(@"[Ll]ine:? (\d+)")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"[Cc]olumn:? ""?([^""\s,.]+)""?")]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"^[A-Za-z ]+Error: ")]
    private static partial Regex PrefixPattern();
}
