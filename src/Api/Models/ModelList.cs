using System.Globalization;
using System.Linq.Expressions;
using AutoMl.Api.Accounts;
using AutoMl.Api.Paging;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

/// <summary>What GET /models was asked for, already checked.</summary>
internal sealed record ModelListQuery(string? Task, Guid? DatasetId, string? Search, ModelSort Sort, bool Descending, int PageSize, string? Cursor);

internal enum ModelSort
{
    Created,
    Score,
    Size,
}

/// <summary>
/// The model list: filters, and keyset pages on (sort key, id) so a page never repeats or skips a model while others are added.
/// Sorting by score sorts by how good the score is, so "desc" is best first whether the metric is a score (auc) or a loss (rmse).
/// </summary>
internal static class ModelList
{
    public static async Task<Page<ModelSummary>?> ReadAsync(AutoMlDbContext db, Guid userId, ModelListQuery query, CancellationToken ct)
    {
        var lowerIsBetter = MetricDirection.LowerIsBetter;
        var rows = db.Models.AsNoTracking().Where(m => m.UserId == userId);
        if (query.Task is { } task)
        {
            rows = rows.Where(m => m.Task == task);
        }
        if (query.DatasetId is { } datasetId)
        {
            rows = rows.Where(m => m.DatasetId == datasetId);
        }
        if (query.Search is { } search)
        {
            var pattern = "%" + search.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            rows = rows.Where(m => EF.Functions.ILike(m.Target, pattern, @"\")
                || db.Datasets.Any(d => d.Id == m.DatasetId && d.UserId == m.UserId && EF.Functions.ILike(d.Name, pattern, @"\")));
        }
        var projected = rows.Select(m => new Row
        {
            Id = m.Id,
            JobId = m.JobId,
            DatasetId = m.DatasetId,
            Task = m.Task,
            Target = m.Target,
            Metric = m.Metric,
            Score = m.Score,
            Goodness = lowerIsBetter.Contains(m.Metric) ? -m.Score : m.Score,
            CreatedAt = m.CreatedAt,
            BundleBytes = m.BundleBytes,
            DatasetName = db.Datasets.Where(d => d.Id == m.DatasetId && d.UserId == m.UserId).Select(d => d.Name).FirstOrDefault(),
        });

        var page = query.Sort switch
        {
            ModelSort.Created => await PageAsync(projected, r => r.CreatedAt, query, Cursor.ParseTicks, v => v.UtcTicks.ToString(CultureInfo.InvariantCulture), ct),
            ModelSort.Score => await PageAsync(projected, r => r.Goodness, query, ParseDouble, v => v.ToString("R", CultureInfo.InvariantCulture), ct),
            _ => await PageAsync(projected, r => r.BundleBytes, query, ParseLong, v => v.ToString(CultureInfo.InvariantCulture), ct),
        };
        return page;
    }

    private static async Task<Page<ModelSummary>?> PageAsync<TKey>(
        IQueryable<Row> rows, Expression<Func<Row, TKey>> key, ModelListQuery query, Func<string, TKey?> parse, Func<TKey, string> format, CancellationToken ct)
        where TKey : struct
    {
        if (query.Cursor is not null)
        {
            if (!TryDecode(query.Cursor, query.Sort, out var value, out var id) || parse(value) is not { } after)
            {
                return null;
            }
            rows = rows.Where(After(key, after, id, query.Descending));
        }
        var ordered = query.Descending ? rows.OrderByDescending(key).ThenByDescending(r => r.Id) : rows.OrderBy(key).ThenBy(r => r.Id);
        var found = await ordered.Take(query.PageSize + 1).ToListAsync(ct);
        var compiled = key.Compile();
        var next = found.Count > query.PageSize ? Encode(query.Sort, format(compiled(found[query.PageSize - 1])), found[query.PageSize - 1].Id) : null;
        return new Page<ModelSummary>(found.Take(query.PageSize).Select(r => r.ToSummary()).ToList(), next);
    }

    /// <summary>key &lt; after || (key == after &amp;&amp; id &lt; afterId), or the same with &gt; when ascending.</summary>
    private static Expression<Func<Row, bool>> After<TKey>(Expression<Func<Row, TKey>> key, TKey after, Guid afterId, bool descending)
    {
        var row = key.Parameters[0];
        var value = Expression.Constant(after, typeof(TKey));
        var id = Expression.Property(row, nameof(Row.Id));
        var idOrder = Expression.Call(id, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Expression.Constant(afterId));
        var zero = Expression.Constant(0);
        var beyond = descending ? Expression.LessThan(key.Body, value) : Expression.GreaterThan(key.Body, value);
        var idBeyond = descending ? Expression.LessThan(idOrder, zero) : Expression.GreaterThan(idOrder, zero);
        return Expression.Lambda<Func<Row, bool>>(Expression.OrElse(beyond, Expression.AndAlso(Expression.Equal(key.Body, value), idBeyond)), row);
    }

    // The sort is part of the cursor: a cursor of one sort read under another would skip or repeat models.
    private static string Encode(ModelSort sort, string value, Guid id) => Cursor.EncodeParts(sort.ToString(), value, id.ToString());

    private static bool TryDecode(string cursor, ModelSort sort, out string value, out Guid id)
    {
        value = "";
        id = default;
        if (!Cursor.TryDecodeParts(cursor, 3, out var parts) || parts[0] != sort.ToString() || !Guid.TryParse(parts[2], out id))
        {
            return false;
        }
        value = parts[1];
        return true;
    }

    private static double? ParseDouble(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static long? ParseLong(string s) => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid JobId { get; init; }
        public Guid DatasetId { get; init; }
        public required string Task { get; init; }
        public required string Target { get; init; }
        public required string Metric { get; init; }
        public double Score { get; init; }
        public double Goodness { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public long BundleBytes { get; init; }
        public string? DatasetName { get; init; }

        public ModelSummary ToSummary() => new(Id, JobId, DatasetId, Task, Target, Metric, Score, CreatedAt, DatasetName, BundleBytes);
    }
}
