using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Audit;

/// <summary>
/// Appends to the audit trail, in the caller's transaction when there is one (so the act and its record commit or
/// roll back together), otherwise in its own. Writers queue behind one transaction-scoped advisory lock, which makes
/// the chain a line: each row's hash is SHA-256 of the previous row's hash and its own payload, computed by Postgres.
/// </summary>
public sealed class AuditTrail(AutoMlDbContext db, TimeProvider clock)
{
    /// <summary>The advisory lock every audit write takes (an arbitrary constant, used for nothing else).</summary>
    internal const long ChainLock = 0x4155_4449_5400;

    public Task RecordAsync(AuditEntry entry, CancellationToken ct) => AppendAsync(db, clock.GetUtcNow(), entry, ct);

    /// <summary>For code that holds a context and a time but no services (a static use case such as an alias move).</summary>
    public static async Task AppendAsync(AutoMlDbContext db, DateTimeOffset now, AuditEntry entry, CancellationToken ct)
    {
        var at = Truncate(now);
        var actor = Clip(entry.Actor, 300)!;
        var client = Clip(entry.Client, 300);
        var detail = Clip(entry.Detail, 2000);
        var payload = AuditEntry.PayloadOf(at, entry.UserId, actor, entry.Action, entry.TargetType, entry.TargetId, entry.Address, client, entry.Outcome, detail);
        var ambient = db.Database.CurrentTransaction is not null;
        await using var tx = ambient ? null : await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_events (at, user_id, actor, action, target_type, target_id, address, client, outcome, detail, payload, previous_hash, hash)
            SELECT {at}, {entry.UserId}, {actor}, {entry.Action}, {entry.TargetType}, {entry.TargetId}, {entry.Address}, {client}, {entry.Outcome}, {detail}, {payload},
                   last.hash, sha256(coalesce(last.hash, ''::bytea) || convert_to({payload}, 'UTF8'))
            FROM (SELECT coalesce((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1),
                                  (SELECT last_hash FROM audit_archives ORDER BY last_event_id DESC LIMIT 1)) AS hash) AS last
            """, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>Postgres keeps microseconds: the payload says what the row will hold.</summary>
    private static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
