using AutoMl.Api.Errors;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>
/// What a user may still upload: the tier's per-file limit and what is left of its storage quota. Room is taken by
/// a <see cref="StorageReservation"/> under a lock on the user's row, so twenty parallel uploads see each other's
/// reservations instead of each seeing the whole remaining quota.
/// </summary>
internal sealed class DatasetQuota(AutoMlDbContext db, TimeProvider clock)
{
    /// <summary>The tier's per-file limit, before any room is taken; null when the size is within it.</summary>
    public async Task<string?> TooLargeAsync(Guid user, long? sizeBytes, CancellationToken ct)
    {
        var tier = await db.Users.Where(u => u.Id == user).Select(u => u.Tier).SingleAsync(ct);
        var limits = StorageLimits.For(tier);
        return sizeBytes is { } size && size > limits.MaxUploadBytes
            ? $"The file is {Bytes(size)}; the {tier.ToString().ToLowerInvariant()} tier takes files up to {Bytes(limits.MaxUploadBytes)}."
            : null;
    }

    /// <summary>
    /// Holds <paramref name="sizeBytes"/> of the quota (or, when the size is unknown, all that is left up to the
    /// per-file limit) until <paramref name="expiresAt"/>, and adds <paramref name="upload"/> in the same transaction.
    /// </summary>
    public async Task<Reservation> ReserveAsync(Guid user, Guid id, long? sizeBytes, DateTimeOffset expiresAt, Dataset? upload, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tier = await LockAsync(user, ct);
        var limits = StorageLimits.For(tier);
        var stored = await StoredBytesAsync(user, ct);
        var reserved = await ReservedBytesAsync(user, null, ct);
        var left = limits.QuotaBytes - stored - reserved;
        var bytes = sizeBytes ?? Math.Min(limits.MaxUploadBytes, left);
        // A declared empty body holds nothing and goes on to its own "empty file" answer.
        if (bytes > left || (sizeBytes is null && bytes <= 0))
        {
            return Reservation.Refused(Full(limits, stored, reserved, sizeBytes));
        }
        db.StorageReservations.Add(new StorageReservation { Id = id, UserId = user, Bytes = bytes, CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt });
        if (upload is not null)
        {
            await DatasetLineage.NumberAsync(db, upload, ct);
            db.Datasets.Add(upload);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Reservation(id, bytes, null);
    }

    /// <summary>
    /// Turns the reservation into stored bytes: <paramref name="store"/> (which saves the data set row that now counts
    /// them) runs under the user's lock, in the transaction that deletes the reservation, once the real size is known
    /// to fit. A reservation that outlived its expiry no longer held room, so the fit is checked again here.
    /// </summary>
    /// <returns>Null when stored, else why the bytes do not fit (nothing was saved).</returns>
    public async Task<string?> ConvertAsync(Guid user, Guid reservationId, long realBytes, Func<Task> store, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tier = await LockAsync(user, ct);
        var limits = StorageLimits.For(tier);
        var stored = await StoredBytesAsync(user, ct);
        var reserved = await ReservedBytesAsync(user, reservationId, ct);
        if (stored + reserved + realBytes > limits.QuotaBytes)
        {
            return Full(limits, stored, reserved, realBytes);
        }
        await store();
        await db.StorageReservations.Where(r => r.Id == reservationId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Gives the room back (the upload failed or was abandoned); releasing twice is harmless.</summary>
    public Task ReleaseAsync(Guid reservationId) =>
        db.StorageReservations.Where(r => r.Id == reservationId).ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>What the user's data sets use of the tier's storage, for the billing page and the upload box.</summary>
    public async Task<StorageUsageView> UsageAsync(Guid user, CancellationToken ct)
    {
        var tier = await db.Users.Where(u => u.Id == user).Select(u => u.Tier).SingleAsync(ct);
        var limits = StorageLimits.For(tier);
        var stored = await StoredBytesAsync(user, ct);
        var reserved = await ReservedBytesAsync(user, null, ct);
        return new StorageUsageView(tier, stored, reserved, limits.QuotaBytes, Math.Max(0, limits.QuotaBytes - stored - reserved),
            limits.MaxUploadBytes, limits.RetentionDays);
    }

    /// <summary>The row lock that serialises one user's quota decisions; other users are not held up.</summary>
    private async Task<Tier> LockAsync(Guid user, CancellationToken ct) =>
        (await db.Users.FromSql($"SELECT * FROM users WHERE id = {user} FOR UPDATE").AsNoTracking().ToListAsync(ct)).Single().Tier;

    /// <summary>Each stored blob counts once (a re-upload of the same file shares its twin's); uploads in flight count by their reservation.</summary>
    private Task<long> StoredBytesAsync(Guid user, CancellationToken ct) =>
        db.Datasets.Where(d => d.UserId == user && d.Status != DatasetStatus.Uploading)
            .GroupBy(d => d.OriginalKey)
            .Select(g => g.Max(d => d.SizeBytes))
            .SumAsync(ct);

    private Task<long> ReservedBytesAsync(Guid user, Guid? except, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.StorageReservations.Where(r => r.UserId == user && r.ExpiresAt > now && r.Id != except).SumAsync(r => r.Bytes, ct);
    }

    private static string Full(StorageLimits limits, long stored, long reserved, long? size) =>
        $"Your storage quota is full: your data sets use {Bytes(stored)} of your {Bytes(limits.QuotaBytes)} storage"
        + (reserved > 0 ? $" and uploads in progress hold {Bytes(reserved)} more" : string.Empty)
        + (size is { } n ? $"; this upload of {Bytes(n)} does not fit." : "; there is no room left for this upload.")
        + " Delete data sets you no longer need, or upgrade.";

    /// <summary>The 409 every way into storage answers when the bytes do not fit; <paramref name="detail"/> says by how much.</summary>
    public static ProblemHttpResult Exceeded(string detail) =>
        ProblemResults.Problem(StatusCodes.Status409Conflict, "Storage quota exceeded", detail);

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}

/// <summary>Room held in the quota, or why there is none (<see cref="Problem"/> set, nothing held).</summary>
internal sealed record Reservation(Guid Id, long Bytes, string? Problem)
{
    public static Reservation Refused(string problem) => new(Guid.Empty, 0, problem);
}
