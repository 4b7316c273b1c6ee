using AutoMl.Domain.Accounts;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Registry;

/// <summary>
/// The daily upkeep of the prediction log (a recurring job): next month's partition made ahead of need, months past
/// the longest retention dropped, and each tier's shorter retention applied to its accounts' rows.
/// </summary>
public sealed class PredictionLogMaintenance(AutoMlDbContext db, TimeProvider clock, ILogger<PredictionLogMaintenance> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await PredictionLogPartitions.EnsureAsync(db, now, ct);
        var dropped = await PredictionLogPartitions.DropExpiredAsync(db, now, ct);
        var deleted = 0;
        foreach (var tier in Enum.GetValues<Tier>())
        {
            var before = now.AddDays(-PredictionLogPlan.For(tier).RetentionDays);
            deleted += await db.PredictionLogs.Where(l => l.At < before && db.Users.Any(u => u.Id == l.UserId && u.Tier == tier)).ExecuteDeleteAsync(ct);
        }
        // Feedback outlives no log it could join.
        var oldest = now.AddDays(-PredictionLogPartitions.LongestRetentionDays);
        deleted += await db.PredictionFeedback.Where(f => f.At < oldest).ExecuteDeleteAsync(ct);
        logger.LogInformation("Prediction log upkeep: {Dropped} monthly partitions dropped, {Deleted} rows past their tier's retention deleted", dropped, deleted);
    }
}
