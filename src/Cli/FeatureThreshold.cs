using System.Globalization;
using AutoMl.Sdk;

namespace AutoMl.Cli;

/// <summary>
/// "--threshold glucose=0.15,0.3": a feature's own warning and alert lines, or "glucose=default" to put it back on the
/// endpoint's defaults. The API replaces the whole set on each change; the CLI sends the current set with these
/// applied, so naming one feature never drops another's lines.
/// </summary>
internal sealed record FeatureThreshold(string Feature, DriftThreshold? Lines)
{
    public const string Help =
        "A feature's own lines on the Jensen-Shannon distance, FEATURE=WARN,ALERT (e.g. glucose=0.15,0.3), or FEATURE=default " +
        "to go back to the defaults; repeat for more. Other features keep the lines they have.";

    public static bool TryParse(string text, out FeatureThreshold? threshold)
    {
        threshold = null;
        // The last '=': a column name may hold one, the lines never do.
        var split = text.LastIndexOf('=');
        if (split <= 0)
        {
            return false;
        }
        var feature = text[..split].Trim();
        var value = text[(split + 1)..].Trim();
        if (value.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            threshold = new FeatureThreshold(feature, null);
            return true;
        }
        var lines = value.Split(',', StringSplitOptions.TrimEntries);
        if (lines.Length != 2 || !Number(lines[0], out var warn) || !Number(lines[1], out var alert))
        {
            return false;
        }
        threshold = new FeatureThreshold(feature, new DriftThreshold { Warn = warn, Alert = alert });
        return true;
    }

    /// <summary>A value the option's validator passed.</summary>
    public static FeatureThreshold Parse(string text) =>
        TryParse(text, out var threshold) ? threshold! : throw new FormatException($"'{text}' is not FEATURE=WARN,ALERT.");

    /// <summary>The whole set to send: the current lines with <paramref name="changes"/> applied in order.</summary>
    public static Dictionary<string, DriftThreshold> Apply(IReadOnlyDictionary<string, DriftThreshold> current, IEnumerable<FeatureThreshold> changes)
    {
        var set = current.ToDictionary(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Lines is { } lines)
            {
                set[change.Feature] = lines;
            }
            else
            {
                set.Remove(change.Feature);
            }
        }
        return set;
    }

    private static bool Number(string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
