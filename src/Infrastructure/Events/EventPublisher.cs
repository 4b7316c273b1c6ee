using System.Text.Json;
using AutoMl.Domain.Events;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Events;

/// <summary>
/// Writes an event to job_events with the user's next sequence number (one statement, so two publishers never share a
/// number), in the caller's transaction when one is open, so the event exists exactly when the change it reports does.
/// It is sent to the user's group on every API instance through the Redis backplane once that transaction commits (at
/// once without one); a rollback drops both the row and the send. A send that is lost (a crash after the commit, Redis
/// gone) is sent later by <see cref="EventRelay"/>; clients that resume read Postgres in any case.
/// </summary>
public sealed class EventPublisher(
    AutoMlDbContext db, IHubContext<EventsHub> hub, EventSendMarks marks, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<EventPublisher> logger)
{
    public async Task<EventMessage> PublishAsync(Guid userId, Guid? jobId, PlatformEvent data, CancellationToken ct)
    {
        var type = data.Type;
        var json = JsonSerializer.Serialize(data, data.GetType(), JsonSerializerOptions.Web);
        var at = clock.GetUtcNow();
        var seq = await db.Database.SqlQuery<long>($"""
            WITH next AS (
                INSERT INTO event_sequences (user_id, last_seq) VALUES ({userId}, 1)
                ON CONFLICT (user_id) DO UPDATE SET last_seq = event_sequences.last_seq + 1
                RETURNING last_seq)
            INSERT INTO job_events (user_id, seq, job_id, type, data_json, at)
            SELECT {userId}, last_seq, {jobId}, {type}, {json}::jsonb, {at} FROM next
            RETURNING seq AS "Value"
            """).ToListAsync(ct);
        var message = new EventMessage(seq[0], type, jobId, JsonDocument.Parse(json).RootElement.Clone(), at);
        await db.AfterCommitAsync(() => SendAsync(userId, message));
        return message;
    }

    /// <summary>Never throws: it may run inside a commit that has already happened, and the relay retries what it misses.</summary>
    private async Task SendAsync(Guid userId, EventMessage message)
    {
        if (options.Value.Events.CrashAfterCommitFor is { Length: > 0 } crashFor && crashFor == message.Type)
        {
            Environment.FailFast($"AutoMl__Events__CrashAfterCommitFor={crashFor}: ending the process after event {message.Seq} committed, before its send (a test hook).");
        }
        if (await EventSending.TrySendAsync(hub, userId, message, logger))
        {
            marks.Sent(userId, message.Seq);
        }
    }
}
