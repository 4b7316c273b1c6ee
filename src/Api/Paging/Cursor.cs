using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace AutoMl.Api.Paging;

/// <summary>Keyset pagination cursors: the sort key(s) and id of the last item, opaque to clients.</summary>
internal static class Cursor
{
    public static string Encode(DateTimeOffset at, Guid id) => EncodeParts(at.UtcTicks.ToString(CultureInfo.InvariantCulture), id.ToString());

    public static bool TryDecode(string cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = default;
        if (TryDecodeParts(cursor, 2, out var parts) && ParseTicks(parts[0]) is { } ticks && Guid.TryParse(parts[1], out id))
        {
            at = ticks;
            return true;
        }
        id = default;
        return false;
    }

    /// <summary>Any list's cursor: its parts joined and base64url-encoded.</summary>
    public static string EncodeParts(params string[] parts) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(string.Join('|', parts)));

    /// <summary>The parts of a cursor made by <see cref="EncodeParts"/>; false when it is not one of ours with that many parts.</summary>
    public static bool TryDecodeParts(string cursor, int count, out string[] parts)
    {
        try
        {
            parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('|');
        }
        catch (FormatException)
        {
            parts = [];
            return false;
        }
        return parts.Length == count;
    }

    /// <summary>
    /// A date from its UTC ticks. Ticks outside a date's range come only from a forged cursor: null, a 400 like any
    /// other, not the constructor's exception.
    /// </summary>
    public static DateTimeOffset? ParseTicks(string s) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}
