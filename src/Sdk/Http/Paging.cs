using System.Runtime.CompilerServices;

namespace AutoMl.Sdk.Http;

/// <summary>The one pager behind every ListAllAsync: reads page after page by cursor, yielding items as they come.</summary>
internal static class Paging
{
    public static async IAsyncEnumerable<T> AllAsync<T>(Func<string?, CancellationToken, Task<Page<T>>> read, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? cursor = null;
        do
        {
            var page = await read(cursor, ct).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    public static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
