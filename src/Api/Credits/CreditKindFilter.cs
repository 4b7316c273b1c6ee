using System.Text.Json;
using AutoMl.Domain.Credits;

namespace AutoMl.Api.Credits;

/// <summary>The entries list's kind filter: the kinds as the API writes them (camelCase), repeated or comma-separated.</summary>
internal static class CreditKindFilter
{
    private static readonly Dictionary<string, CreditEntryKind> ByName = Enum.GetValues<CreditEntryKind>()
        .ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()), StringComparer.OrdinalIgnoreCase);

    public static string Names { get; } = string.Join(", ", ByName.Keys);

    /// <returns>False with the first name that is not a kind; an empty set when no filter was asked for.</returns>
    public static bool TryParse(string[]? values, out HashSet<CreditEntryKind> kinds, out string? unknown)
    {
        kinds = [];
        unknown = null;
        foreach (var name in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!ByName.TryGetValue(name, out var kind))
            {
                unknown = name.Length > 40 ? name[..40] + "…" : name;
                return false;
            }
            kinds.Add(kind);
        }
        return true;
    }
}
