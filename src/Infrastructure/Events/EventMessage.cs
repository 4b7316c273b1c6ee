using System.Text.Json;

namespace AutoMl.Infrastructure.Events;

/// <summary>What a client receives as the hub's "event" message (API.md).</summary>
public sealed record EventMessage(long Seq, string Type, Guid? JobId, JsonElement Data, DateTimeOffset At)
{
    public static EventMessage From(JobEvent e) =>
        new(e.Seq, e.Type, e.JobId, JsonDocument.Parse(e.DataJson).RootElement.Clone(), e.At);
}
