using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Bench.Load;

/// <summary>
/// A user's /hubs/events connection: WebSockets only with negotiation skipped (so any instance serves it, nginx
/// needs no stickiness for it), from the user's own source address. Every event's delivery latency is recorded
/// (the event's "at" is stamped by the worker or API on this machine's clock).
/// </summary>
internal sealed class Hub : IAsyncDisposable
{
    private readonly HubConnection connection;

    private Hub(HubConnection connection) => this.connection = connection;

    public static async Task<Hub> ConnectAsync(Uri baseAddress, string apiKey, SocketsHttpHandler source, Recorder recorder, CancellationToken ct)
    {
        var invoker = new HttpMessageInvoker(source, disposeHandler: false);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/events"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
                o.WebSocketFactory = async (context, token) =>
                {
                    var socket = new ClientWebSocket();
                    socket.Options.SetRequestHeader("Authorization", "Bearer " + apiKey);
                    await socket.ConnectAsync(context.Uri, invoker, token);
                    return socket;
                };
            })
            .WithAutomaticReconnect([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)])
            .Build();
        var hub = new Hub(connection);
        connection.On<JsonElement>("event", e => recorder.Event((DateTimeOffset.UtcNow - e.GetProperty("at").GetDateTimeOffset()).TotalMilliseconds));
        await connection.StartAsync(ct);
        return hub;
    }

    public bool Connected => connection.State == HubConnectionState.Connected;

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
