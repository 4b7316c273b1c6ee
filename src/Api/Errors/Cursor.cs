using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace AutoMl.Api.Errors;

/// <summary>Keyset pagination cursors: (createdAt, id) of the last item, opaque to clients.</summary>
internal static class Cursor
{
    public static string Encode(DateTimeOffset at, Guid id) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id}"));

    public static bool TryDecode(string cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = default;
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(parts[1], out id)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                // Ticks outside a date's range come only from a forged cursor: a 400 like any other, not the constructor's exception.
                id = default;
                return false;
            }
            at = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
