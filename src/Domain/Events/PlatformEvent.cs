using System.Text.Json.Serialization;

namespace AutoMl.Domain.Events;

/// <summary>
/// An event a client receives over /hubs/events and GET /jobs/{id}/events (API.md): the record is the event's
/// <c>data</c>, <see cref="Type"/> its <c>type</c>. One record per type, so every publisher of a type sends one shape.
/// </summary>
public abstract record PlatformEvent
{
    [JsonIgnore]
    public abstract string Type { get; }
}
