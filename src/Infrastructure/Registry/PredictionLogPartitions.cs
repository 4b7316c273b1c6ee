using System.Globalization;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Registry;

/// <summary>
/// The monthly partitions of prediction_logs: this month's and next month's exist before a row needs them (a row
/// with no partition would land in the default one, never be lost), and months past the longest retention are
/// dropped whole. Shorter tier retentions delete their rows inside the remaining months.
/// </summary>
public static class PredictionLogPartitions
{
    /// <summary>Enterprise's retention: no tier keeps prediction logs longer.</summary>
    public const int LongestRetentionDays = 90;

    public static async Task EnsureAsync(AutoMlDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 2; i++)
        {
            var from = month.AddMonths(i);
            var to = from.AddMonths(1);
            var name = Name(from);
            // Partition names and bounds are ours (dates), not user input.
            try
            {
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync(
                    $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF prediction_logs FOR VALUES FROM ('{from:yyyy-MM-dd}') TO ('{to:yyyy-MM-dd}')", ct);
#pragma warning restore EF1002
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.CheckViolation)
            {
                // The default partition already holds rows of that month (no partition existed when they came):
                // they stay there, served and dropped like any; the month gets its partition when it is empty again.
            }
        }
    }

    /// <summary>Drops the months whose every row is past the longest retention.</summary>
    public static async Task<int> DropExpiredAsync(AutoMlDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var names = await db.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'prediction_logs' AND c.relname LIKE 'prediction_logs_y%'
            """).ToListAsync(ct);
        var dropped = 0;
        foreach (var name in names)
        {
            if (DateTime.TryParseExact(name["prediction_logs_y".Length..], "yyyy'm'MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var from)
                && from.AddMonths(1) < now.UtcDateTime.AddDays(-LongestRetentionDays))
            {
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS {name}", ct);
#pragma warning restore EF1002
                dropped++;
            }
        }
        return dropped;
    }

    public static string Name(DateTime month) => $"prediction_logs_y{month:yyyy'm'MM}";
}
