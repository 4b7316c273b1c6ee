using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>What a user may still upload: the tier's per-file limit and what is left of its storage quota.</summary>
internal sealed class DatasetQuota(AutoMlDbContext db)
{
    public async Task<(StorageLimits Limits, long UsedBytes, Tier Tier)> ReadAsync(Guid user, CancellationToken ct)
    {
        var tier = await db.Users.Where(u => u.Id == user).Select(u => u.Tier).SingleAsync(ct);
        // A re-upload of the same file shares its twin's blob, so each stored blob counts once.
        var used = await db.Datasets.Where(d => d.UserId == user)
            .GroupBy(d => d.OriginalKey)
            .Select(g => g.Max(d => d.SizeBytes))
            .SumAsync(ct);
        return (StorageLimits.For(tier), used, tier);
    }

    /// <summary>A sentence saying why the upload cannot go in, or null when it fits.</summary>
    public async Task<(string? Problem, int Status)> CheckAsync(Guid user, long? sizeBytes, CancellationToken ct)
    {
        var (limits, used, tier) = await ReadAsync(user, ct);
        if (sizeBytes is { } size && size > limits.MaxUploadBytes)
        {
            return ($"The file is {Bytes(size)}; the {tier.ToString().ToLowerInvariant()} tier takes files up to {Bytes(limits.MaxUploadBytes)}.", StatusCodes.Status413PayloadTooLarge);
        }
        if (used + (sizeBytes ?? 0) > limits.QuotaBytes)
        {
            return ($"Your data sets use {Bytes(used)} of your {Bytes(limits.QuotaBytes)} storage; this upload would pass it. Delete data sets you no longer need, or upgrade.", StatusCodes.Status409Conflict);
        }
        return (null, 0);
    }

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
