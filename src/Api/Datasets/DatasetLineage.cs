using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>The versions of a data set: rows of <c>datasets</c> sharing a lineage id, numbered 1, 2, 3… (ADR 0010).</summary>
internal static class DatasetLineage
{
    /// <summary>
    /// Gives a new version its number. Called only under the user's row lock (<see cref="DatasetQuota"/>), in the
    /// transaction that adds the row, so two uploads at once read the maximum one after the other; the unique index on
    /// (lineage, version) refuses a duplicate should a caller ever forget the lock.
    /// </summary>
    public static async Task NumberAsync(AutoMlDbContext db, Dataset dataset, CancellationToken ct)
    {
        if (dataset.LineageId != dataset.Id)
        {
            dataset.Version = (await db.Datasets.Where(d => d.LineageId == dataset.LineageId).MaxAsync(d => (int?)d.Version, ct) ?? 0) + 1;
        }
    }

    public static Task<int> LatestAsync(AutoMlDbContext db, Guid lineage, CancellationToken ct) =>
        db.Datasets.Where(d => d.LineageId == lineage).MaxAsync(d => d.Version, ct);

    /// <summary>The version's columns against those of the latest earlier version that was ingested; null when there is none, or this one is not ingested yet.</summary>
    public static async Task<SchemaChanges?> ChangesAsync(AutoMlDbContext db, Dataset dataset, CancellationToken ct)
    {
        if (dataset.Version == 1 || DatasetViews.Columns(dataset) is not { } columns)
        {
            return null;
        }
        var before = await PreviousReadyAsync(db, dataset.LineageId, dataset.Version, ct);
        return before is null ? null : SchemaChanges.Between(before.Version, DatasetViews.Columns(before)!, columns);
    }

    /// <summary>The schema changes of a page of versions (newest first), reading one row past the page for the oldest.</summary>
    public static async Task<IReadOnlyList<SchemaChanges?>> ChangesAsync(AutoMlDbContext db, IReadOnlyList<Dataset> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return [];
        }
        var oldest = page[^1];
        var beyond = await PreviousReadyAsync(db, oldest.LineageId, oldest.Version, ct);
        var changes = new SchemaChanges?[page.Count];
        var previous = beyond;
        for (var i = page.Count - 1; i >= 0; i--)
        {
            var columns = DatasetViews.Columns(page[i]);
            changes[i] = columns is not null && previous is not null ? SchemaChanges.Between(previous.Version, DatasetViews.Columns(previous)!, columns) : null;
            if (page[i].Status == DatasetStatus.Ready && columns is not null)
            {
                previous = page[i];
            }
        }
        return changes;
    }

    private static Task<Dataset?> PreviousReadyAsync(AutoMlDbContext db, Guid lineage, int version, CancellationToken ct) =>
        db.Datasets.AsNoTracking()
            .Where(d => d.LineageId == lineage && d.Version < version && d.Status == DatasetStatus.Ready && d.ColumnsJson != null)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(ct);
}
