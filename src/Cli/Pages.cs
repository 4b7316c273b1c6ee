using AutoMl.Sdk;

namespace AutoMl.Cli;

/// <summary>A list command shows the whole list, not the API's first page: pages are read until the last (or a limit).</summary>
internal static class Pages
{
    /// <summary>The API's largest page: the fewest round trips.</summary>
    public const int Largest = 200;

    public static async Task<List<T>> ReadAsync<T>(Func<int, string?, Task<Page<T>>> read, int limit = int.MaxValue)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var page = await read(Math.Min(Largest, limit - items.Count), cursor).ConfigureAwait(false);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && items.Count < limit);
        return items;
    }
}
