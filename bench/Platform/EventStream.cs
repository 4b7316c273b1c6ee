using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Bench.Platform;

/// <summary>An event as the hub sent it and when this process received it (same machine, same clock as the worker).</summary>
internal sealed record ReceivedEvent(string Type, Guid? JobId, DateTimeOffset At, DateTimeOffset ReceivedAt, JsonElement Data)
{
    public double LatencyMs => (ReceivedAt - At).TotalMilliseconds;
}

/// <summary>The /hubs/events connection over WebSockets, authenticated by API key; every event lands in a channel.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Channel<ReceivedEvent> events = Channel.CreateUnbounded<ReceivedEvent>();

    private EventStream(HubConnection connection) => this.connection = connection;

    public static async Task<EventStream> ConnectAsync(Uri baseAddress, string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/events"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
            })
            .Build();
        var stream = new EventStream(connection);
        connection.On<JsonElement>("event", e =>
        {
            var received = DateTimeOffset.UtcNow;
            stream.events.Writer.TryWrite(new ReceivedEvent(
                e.GetProperty("type").GetString()!,
                e.GetProperty("jobId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("jobId").GetGuid(),
                e.GetProperty("at").GetDateTimeOffset(),
                received,
                e.GetProperty("data")));
        });
        await connection.StartAsync();
        return stream;
    }

    /// <summary>Reads events until one matches, adding every event read (the match too) to <paramref name="seen"/>.</summary>
    public async Task<ReceivedEvent> WaitForAsync(Func<ReceivedEvent, bool> match, TimeSpan limit, List<ReceivedEvent>? seen = null)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            while (true)
            {
                var e = await events.Reader.ReadAsync(deadline.Token);
                seen?.Add(e);
                if (match(e))
                {
                    return e;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching event within {limit.TotalSeconds:0} s.");
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
