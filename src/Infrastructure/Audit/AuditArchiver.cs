using System.Security.Cryptography;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parquet.Serialization;

namespace AutoMl.Infrastructure.Audit;

/// <summary>What one archive run moved: how many rows, and where.</summary>
public sealed record AuditArchiveRun(long Rows, string? BlobKey);

/// <summary>
/// Moves the rows past their retention to Parquet in the blob store (ADR 12): the oldest unbroken stretch of the chain,
/// checked first so an archive never hides an edit; the file is stored before any row is deleted, and the deletion,
/// the archive's row and the chain's new anchor commit together under the chain's lock.
/// </summary>
public sealed class AuditArchiver(AutoMlDbContext db, IBlobStore blobs, TimeProvider clock, IOptions<AuditOptions> options)
{
    /// <summary>Rows per file: a year of a busy platform's trail is archived over several daily runs, not in one file.</summary>
    internal const int MaxRows = 200_000;

    public Task<AuditArchiveRun> RunAsync(CancellationToken ct) =>
        ArchiveBeforeAsync(clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays), ct);

    /// <summary>Archives the rows written before the cutoff, in id order, up to the first row written after it.</summary>
    public async Task<AuditArchiveRun> ArchiveBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        // Every row below the first recent id is old, even if writers' clocks disagreed a little: the stretch stays whole.
        var firstRecent = await db.AuditEvents.Where(e => e.At >= cutoff).MinAsync(e => (long?)e.Id, ct);
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(e => firstRecent == null || e.Id < firstRecent)
            .OrderBy(e => e.Id).Take(MaxRows).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new(0, null);
        }

        var anchor = await AuditVerifier.AnchorAsync(db, ct);
        var previous = anchor?.LastHash;
        foreach (var row in rows)
        {
            if (AuditVerifier.Check(previous, row) is { } problem)
            {
                throw new InvalidOperationException($"The audit trail is not archived while its chain is broken: {problem}");
            }
            previous = row.Hash;
        }

        var (first, last) = (rows[0].Id, rows[^1].Id);
        var key = BlobKeys.AuditArchive(first, last);
        var file = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.parquet");
        try
        {
            await using (var stream = File.Create(file))
            {
                await ParquetSerializer.SerializeAsync(rows.Select(AuditArchiveRow.From), stream, cancellationToken: ct);
            }
            byte[] sha;
            await using (var read = File.OpenRead(file))
            {
                sha = await SHA256.HashDataAsync(read, ct);
            }
            await blobs.PutFileAsync(key, file, ct);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditTrail.ChainLock})", ct);
            db.AuditArchives.Add(new AuditArchive
            {
                FirstEventId = first,
                LastEventId = last,
                Rows = rows.Count,
                LastHash = rows[^1].Hash,
                BlobKey = key,
                FileSha256 = sha,
                ArchivedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            // The append-only trigger lets a row go only in a transaction that says it archives, and only once an
            // archive covers it.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL automl.audit_archive = 'on'", ct);
            await db.AuditEvents.Where(e => e.Id >= first && e.Id <= last).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
            return new(rows.Count, key);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A trail row as the archive file holds it: every column, the hashes in hex.</summary>
public sealed class AuditArchiveRow
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Address { get; set; }
    public string? Client { get; set; }
    public string Outcome { get; set; } = "";
    public string? Detail { get; set; }
    public string Payload { get; set; } = "";
    public string? PreviousHash { get; set; }
    public string Hash { get; set; } = "";

    public static AuditArchiveRow From(AuditEvent e) => new()
    {
        Id = e.Id,
        At = e.At.UtcDateTime,
        UserId = e.UserId?.ToString(),
        Actor = e.Actor,
        Action = e.Action,
        TargetType = e.TargetType,
        TargetId = e.TargetId,
        Address = e.Address,
        Client = e.Client,
        Outcome = e.Outcome,
        Detail = e.Detail,
        Payload = e.Payload,
        PreviousHash = e.PreviousHash is null ? null : Convert.ToHexStringLower(e.PreviousHash),
        Hash = Convert.ToHexStringLower(e.Hash),
    };
}
