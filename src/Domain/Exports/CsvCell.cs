using System.Globalization;

namespace AutoMl.Domain.Exports;

/// <summary>
/// A cell of a CSV we hand out. Spreadsheets run a cell that starts with =, +, -, @ (or a tab or carriage return
/// before one) as a formula, so a label a user uploaded could become a link or a command on whoever opens the
/// export: such a cell is prefixed with a single quote, which shows it as text. A number stays a number (-1.5 is
/// data, not a formula), and the cell is quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
/// </summary>
public static class CsvCell
{
    public static string Text(string value)
    {
        var safe = IsFormula(value) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static bool IsFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
