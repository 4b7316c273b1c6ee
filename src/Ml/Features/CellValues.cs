using System.Globalization;

namespace AutoMl.Ml.Features;

/// <summary>Turns loosely typed cells (from JSON, CSV or the column store) into what an encoding needs.</summary>
internal static class CellValues
{
    private static readonly string[] MissingWords = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "?"];

    public static float ToNumber(object? value) => value switch
    {
        null => float.NaN,
        float f => f,
        double d => (float)d,
        int i => i,
        long l => l,
        decimal m => (float)m,
        bool b => b ? 1 : 0,
        short s => s,
        byte b => b,
        DateTime t => (float)(t - DateTime.UnixEpoch).TotalDays,
        System.Text.Json.JsonElement e => e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Number => (float)e.GetDouble(),
            System.Text.Json.JsonValueKind.String => ParseNumber(e.GetString()),
            System.Text.Json.JsonValueKind.True => 1,
            System.Text.Json.JsonValueKind.False => 0,
            _ => float.NaN,
        },
        string s => ParseNumber(s),
        _ => ParseNumber(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string? ToLabel(object? value) => value switch
    {
        null => null,
        string s => IsMissingWord(s) ? null : s,
        float f => float.IsNaN(f) ? null : f.ToString(CultureInfo.InvariantCulture),
        double d => double.IsNaN(d) ? null : d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        System.Text.Json.JsonElement e => e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => null,
            System.Text.Json.JsonValueKind.String => ToLabel(e.GetString()),
            System.Text.Json.JsonValueKind.Number => ToLabel(e.GetDouble()),
            _ => e.GetRawText(),
        },
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static double ToSeconds(object? value) => value switch
    {
        null => double.NaN,
        DateTime t => (t.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds,
        DateTimeOffset o => (o.UtcDateTime - DateTime.UnixEpoch).TotalSeconds,
        DateOnly d => (d.ToDateTime(TimeOnly.MinValue) - DateTime.UnixEpoch).TotalSeconds,
        System.Text.Json.JsonElement e when e.ValueKind == System.Text.Json.JsonValueKind.String => ToSeconds(e.GetString()),
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => (t - DateTime.UnixEpoch).TotalSeconds,
        _ => double.NaN,
    };

    private static bool IsMissingWord(string s) => Array.IndexOf(MissingWords, s.Trim()) >= 0;

    private static float ParseNumber(string? s)
    {
        if (s is null || IsMissingWord(s))
        {
            return float.NaN;
        }

        return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (float)d : float.NaN;
    }
}
