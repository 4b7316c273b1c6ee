using System.Security.Cryptography;
using System.Text;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Audit;

/// <summary>The chain's check: how many rows were read, and the first that does not hold, with why.</summary>
public sealed record AuditChainCheck(long Checked, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// Reads the trail in order and checks each row: its columns are what its payload says, its previous hash is the
/// hash of the row before, and its hash is SHA-256 of both. An edit to any column, a removed row or an inserted one
/// shows at that row.
/// </summary>
public static class AuditVerifier
{
    private const int Batch = 5_000;

    /// <summary>
    /// Checks the rows still in the table, from the hash of the last archived row (the chain's anchor) when part of the
    /// trail has been archived; the archives themselves are checked by their files' SHA-256.
    /// </summary>
    public static async Task<AuditChainCheck> VerifyAsync(AutoMlDbContext db, CancellationToken ct)
    {
        var anchor = await AnchorAsync(db, ct);
        var previous = anchor?.LastHash;
        var last = anchor?.LastEventId ?? 0;
        long count = 0;
        while (true)
        {
            var rows = await db.AuditEvents.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            foreach (var row in rows)
            {
                count++;
                if (Check(previous, row) is { } problem)
                {
                    return new(count, row.Id, problem);
                }
                previous = row.Hash;
                last = row.Id;
            }
            if (rows.Count < Batch)
            {
                return new(count, null, null);
            }
        }
    }

    /// <summary>The newest archive: where the chain in the table starts.</summary>
    internal static Task<AuditArchive?> AnchorAsync(AutoMlDbContext db, CancellationToken ct) =>
        db.AuditArchives.AsNoTracking().OrderByDescending(a => a.LastEventId).FirstOrDefaultAsync(ct);

    /// <summary>Why the row does not hold after the previous row's hash, or null when it does.</summary>
    internal static string? Check(byte[]? previous, AuditEvent row)
    {
        var payload = AuditEntry.PayloadOf(row.At, row.UserId, row.Actor, row.Action, row.TargetType, row.TargetId, row.Address, row.Client, row.Outcome, row.Detail);
        if (payload != row.Payload)
        {
            return $"Row {row.Id}'s columns differ from what was recorded: it was edited.";
        }
        if (!Same(previous, row.PreviousHash))
        {
            return $"Row {row.Id} does not follow the row before it: a row was removed or inserted before it.";
        }
        var hash = SHA256.HashData([.. previous ?? [], .. Encoding.UTF8.GetBytes(row.Payload)]);
        return hash.AsSpan().SequenceEqual(row.Hash) ? null : $"Row {row.Id}'s hash does not match its contents: it was edited.";
    }

    private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
