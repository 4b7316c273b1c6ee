using System.Collections.Concurrent;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Events;

/// <summary>
/// The events this process sent live, marked sent in one statement per relay tick rather than one per event (trial
/// events come several a second). A mark lost in a crash costs only a second send of that event, which clients drop
/// by its seq.
/// </summary>
public sealed class EventSendMarks
{
    private readonly ConcurrentQueue<(Guid User, long Seq)> sent = new();

    public void Sent(Guid userId, long seq) => sent.Enqueue((userId, seq));

    public async Task FlushAsync(AutoMlDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var users = new List<Guid>();
        var seqs = new List<long>();
        while (users.Count < 10_000 && sent.TryDequeue(out var mark))
        {
            users.Add(mark.User);
            seqs.Add(mark.Seq);
        }
        if (users.Count > 0)
        {
            await MarkAsync(db, users.ToArray(), seqs.ToArray(), now, ct);
        }
    }

    internal static Task MarkAsync(AutoMlDbContext db, Guid[] users, long[] seqs, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE job_events SET sent_at = {now}
            FROM unnest({users}, {seqs}) AS s(user_id, seq)
            WHERE job_events.user_id = s.user_id AND job_events.seq = s.seq AND job_events.sent_at IS NULL
            """, ct);
}
