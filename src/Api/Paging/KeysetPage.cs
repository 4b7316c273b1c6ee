using System.Linq.Expressions;
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
        if (After(query, cursor) is not { } page)
        {
            return null;
        }
        var rows = await page.Take(pageSize + 1).ToListAsync(ct);
        return new Page<TView>(rows.Take(pageSize).Select(view).ToList(), NextCursor(rows, pageSize));
    }

    /// <summary>
    /// <see cref="ReadAsync{T, TView}"/> with the view built in SQL: only the columns it names are read, where the other
    /// reads whole rows (a data set's row carries its profile, preview and checks as JSON, most of a list's cost).
    /// </summary>
    public static async Task<Page<TView>?> ReadProjectedAsync<T, TView>(
        IQueryable<T> query, int pageSize, string? cursor, Expression<Func<T, TView>> view, CancellationToken ct)
        where T : class, IKeysetRow where TView : IKeysetRow
    {
        if (After(query, cursor) is not { } page)
        {
            return null;
        }
        var rows = await page.Take(pageSize + 1).Select(view).ToListAsync(ct);
        return new Page<TView>(rows.Take(pageSize).ToList(), NextCursor(rows, pageSize));
    }

    private static IQueryable<T>? After<T>(IQueryable<T> query, string? cursor) where T : class, IKeysetRow
    {
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var at, out var id))
            {
                return null;
            }
            query = query.Where(r => r.CreatedAt < at || (r.CreatedAt == at && r.Id.CompareTo(id) < 0));
        }
        return query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
    }

    private static string? NextCursor<TRow>(List<TRow> rows, int pageSize) where TRow : IKeysetRow =>
        rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id) : null;
}
