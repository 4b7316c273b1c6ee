using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Datasets;

/// <summary>Deletes data sets unused past their tier's retention, after an email warning a week before.</summary>
internal sealed class DatasetLifecycleJob(AutoMlDbContext db, DatasetRemoval removal, EmailOutbox outbox, TimeProvider clock, ILogger<DatasetLifecycleJob> logger)
{
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var tier in Enum.GetValues<Tier>())
        {
            var retention = TimeSpan.FromDays(StorageLimits.For(tier).RetentionDays);
            await WarnAsync(tier, now - retention + StorageLimits.WarningLead, now, ct);
            await DeleteAsync(tier, now - retention, now, ct);
        }
    }

    private async Task WarnAsync(Tier tier, DateTimeOffset unusedSince, DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Datasets
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new { Dataset = d, u.Tier, u.Email })
            .Where(x => x.Tier == tier && x.Dataset.LastUsedAt < unusedSince && x.Dataset.DeletionWarnedAt == null && x.Dataset.Status != DatasetStatus.Uploading)
            .Take(1000)
            .ToListAsync(ct);
        foreach (var item in due)
        {
            outbox.Queue(item.Dataset.UserId, item.Email!, "dataset-deletion-warning", $"Your data set \"{item.Dataset.Name}\" will be deleted in 7 days",
                $"Your data set \"{item.Dataset.Name}\" has not been used for a while and will be deleted on {(now + StorageLimits.WarningLead):yyyy-MM-dd}.\n\nTrain a model on it, or preview it, to keep it.");
            item.Dataset.DeletionWarnedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task DeleteAsync(Tier tier, DateTimeOffset unusedSince, DateTimeOffset now, CancellationToken ct)
    {
        var expired = await db.Datasets
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new { Dataset = d, u.Tier })
            .Where(x => x.Tier == tier && x.Dataset.LastUsedAt < unusedSince && x.Dataset.DeletionWarnedAt != null
                && x.Dataset.DeletionWarnedAt <= now - StorageLimits.WarningLead)
            .Select(x => x.Dataset)
            .Take(1000)
            .ToListAsync(ct);
        foreach (var dataset in expired)
        {
            await removal.DeleteAsync(dataset, ct);
        }
        if (expired.Count > 0)
        {
            logger.LogInformation("Deleted {Count} unused {Tier} data set(s)", expired.Count, tier);
        }
    }
}
