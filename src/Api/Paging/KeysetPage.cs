using AutoMl.Api.Accounts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Paging;

/// <summary>Newest-first keyset pagination on (CreatedAt, Id), shared by every list endpoint.</summary>
internal static class KeysetPage
{
    public const string BadCursor = "The cursor is not one this API returned: start again without it.";

    /// <summary>One page of <paramref name="query"/> after <paramref name="cursor"/>, or null when the cursor is not ours.</summary>
    public static async Task<Page<TView>?> ReadAsync<T, TView>(
        IQueryable<T> query, int pageSize, string? cursor, Func<T, TView> view, CancellationToken ct) where T : class, IKeysetRow
    {
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var at, out var id))
            {
                return null;
            }
            query = query.Where(r => r.CreatedAt < at || (r.CreatedAt == at && r.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id) : null;
        return new Page<TView>(rows.Take(pageSize).Select(view).ToList(), next);
    }
}
