using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace AutoMl.Infrastructure.Rewards;

/// <summary>
/// The fields of a callback, read only from the content its signature covers (the percent-decoded query before
/// "&amp;signature="): a query parser would read the raw text, which an attacker can re-encode so it says something else
/// while decoding to the same signed content. custom_data is set by our app, "user=&lt;id&gt; device=&lt;id&gt; ip=&lt;address&gt;"
/// (space, ';' or '&amp;' separated); the callback itself comes from Google's servers, so its own address says nothing
/// about the viewer.
/// </summary>
public sealed record AdMobCallback(string TransactionId, string? UserId, string AdUnit, long TimestampMs, string? DeviceId, string? Ip)
{
    private const string CustomDataKey = "custom_data";

    /// <summary>AdMob's parameters before the signature; a segment naming none of them can only be part of custom_data.</summary>
    private static readonly HashSet<string> Parameters =
        ["ad_network", "ad_unit", CustomDataKey, "reward_amount", "reward_item", "timestamp", "transaction_id", "user_id"];

    /// <summary>Reads the verified content; null with the reason when a field is missing, malformed or given twice.</summary>
    public static AdMobCallback? Read(string signedContent, out string problem)
    {
        if (Fields(signedContent, out problem) is not { } fields)
        {
            return null;
        }
        var transaction = fields.GetValueOrDefault("transaction_id");
        var unit = fields.GetValueOrDefault("ad_unit");
        if (transaction is not { Length: > 0 and <= 128 } || unit is not { Length: > 0 and <= 64 })
        {
            problem = "transaction_id or ad_unit is missing or too long";
            return null;
        }
        if (!long.TryParse(fields.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            problem = "timestamp is missing or not a number of milliseconds";
            return null;
        }
        var custom = CustomData(fields.GetValueOrDefault(CustomDataKey) ?? "");
        var user = fields.GetValueOrDefault("user_id");
        return new AdMobCallback(transaction, string.IsNullOrWhiteSpace(user) ? custom.GetValueOrDefault("user") : user, unit, timestamp,
            custom.GetValueOrDefault("device"), custom.GetValueOrDefault("ip"));
    }

    /// <summary>A parameter named twice in the raw query, if any: two parsers could pick different ones.</summary>
    public static string? RepeatedParameter(string rawQuery) =>
        QueryHelpers.ParseQuery(rawQuery).FirstOrDefault(p => p.Value.Count > 1).Key;

    /// <summary>The transaction id the raw query claims, unverified: only for the log line of a refused callback.</summary>
    public static string? ClaimedTransactionId(string rawQuery) =>
        QueryHelpers.ParseQuery(rawQuery).GetValueOrDefault("transaction_id").ToString() is { Length: > 0 and <= 128 } id ? id : null;

    private static Dictionary<string, string>? Fields(string content, out string problem)
    {
        problem = "";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var segment in content.Split('&'))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? segment[..eq] : null;
            if (key is not null && Parameters.Contains(key))
            {
                if (!fields.TryAdd(key, segment[(eq + 1)..]))
                {
                    problem = $"{key} appears more than once";
                    return null;
                }
                current = key;
            }
            else if (current == CustomDataKey)
            {
                // The signed text is decoded, so an '&' inside custom_data looks like a separator: it belongs to the value.
                fields[CustomDataKey] += "&" + segment;
            }
            else if (key is null || !fields.TryAdd(key, segment[(eq + 1)..]))
            {
                problem = key is null ? "the signed content is not a list of parameters" : $"{key} appears more than once";
                return null;
            }
        }
        return fields;
    }

    private static Dictionary<string, string> CustomData(string text) =>
        text.Split([' ', '&', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[1].Length is > 0 and <= 128)
            .GroupBy(kv => kv[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
}
