using Microsoft.AspNetCore.WebUtilities;

namespace AutoMl.Infrastructure.Rewards;

/// <summary>
/// The fields of a verified callback we use. custom_data is set by our app: "user=&lt;id&gt; device=&lt;id&gt; ip=&lt;address&gt;"
/// (space or &amp; separated); the callback itself comes from Google's servers, so its own address says nothing about the viewer.
/// </summary>
public sealed record AdMobCallback(string TransactionId, string? UserId, string? AdUnit, string? DeviceId, string? Ip)
{
    public static AdMobCallback? From(string rawQuery)
    {
        var query = QueryHelpers.ParseQuery(rawQuery);
        var transaction = query.GetValueOrDefault("transaction_id").ToString();
        if (string.IsNullOrWhiteSpace(transaction))
        {
            return null;
        }
        var custom = CustomData(query.GetValueOrDefault("custom_data").ToString());
        var user = query.GetValueOrDefault("user_id").ToString();
        return new AdMobCallback(transaction,
            string.IsNullOrWhiteSpace(user) ? custom.GetValueOrDefault("user") : user,
            query.GetValueOrDefault("ad_unit").ToString() is { Length: > 0 } unit ? unit : null,
            custom.GetValueOrDefault("device"),
            custom.GetValueOrDefault("ip"));
    }

    private static Dictionary<string, string> CustomData(string text) =>
        text.Split([' ', '&', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[1].Length is > 0 and <= 128)
            .GroupBy(kv => kv[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
}
