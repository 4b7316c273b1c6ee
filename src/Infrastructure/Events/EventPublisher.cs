using System.Text.Json;
using AutoMl.Domain.Events;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Events;

/// <summary>
/// Writes an event to job_events with the user's next sequence number (one statement, so two
/// publishers never share a number), then sends it to the user's group on every API instance through
/// the Redis backplane. A send that fails loses nothing: clients resume from Postgres.
/// </summary>
public sealed class EventPublisher(AutoMlDbContext db, IHubContext<EventsHub> hub, TimeProvider clock, ILogger<EventPublisher> logger)
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
        try
        {
            await hub.Clients.Group(EventsHub.GroupOf(userId)).SendAsync(EventsHub.Method, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Event {Seq} for user {UserId} stored but not sent live; clients get it when they resume", message.Seq, userId);
        }
        return message;
    }
}
