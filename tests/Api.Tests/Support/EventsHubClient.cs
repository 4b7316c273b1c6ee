using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Api.Tests.Support;

/// <summary>A client of the events hub, as the SDK connects with an API key, that keeps every event it receives.</summary>
public sealed class EventsHubClient : IAsyncDisposable
{
    private readonly HubConnection connection;

    private EventsHubClient(HubConnection connection, ConcurrentQueue<JsonElement> received)
    {
        this.connection = connection;
        Received = received;
    }

    public ConcurrentQueue<JsonElement> Received { get; }

    /// <summary>
    /// Connected and in the account's group: a Resume answered proves live events reach it from now on. Resuming from 0
    /// also receives every stored event, as a page does that opens after them.
    /// </summary>
    public static async Task<EventsHubClient> ConnectAsync(ApiFactory api, string apiKey, long resumeAfter = long.MaxValue)
    {
        var received = new ConcurrentQueue<JsonElement>();
        var client = new EventsHubClient(Build(api, apiKey, received), received);
        await StartAsync(client.connection, resumeAfter);
        return client;
    }

    /// <summary>
    /// Starts a connection and waits until the server has registered it (its group, its credential): StartAsync returns
    /// once the handshake is answered, which can be before the server's OnConnectedAsync ends, and the hub answers an
    /// invocation only after that, so an answered Resume proves it.
    /// </summary>
    public static async Task StartAsync(HubConnection connection, long resumeAfter = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.StartAsync();
        await connection.InvokeAsync<int>("Resume", resumeAfter);
    }

    /// <summary>
    /// A connection to the events hub, not yet started, as the SDK makes it (an API key as the access token; none for an
    /// anonymous attempt), over <paramref name="handler"/> when a test needs the browser's cookies.
    /// </summary>
    public static HubConnection Build(ApiFactory api, string? apiKey, ConcurrentQueue<JsonElement>? received = null, HttpMessageHandler? handler = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/events"), o =>
            {
                o.HttpMessageHandlerFactory = _ => handler ?? api.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (apiKey is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
                }
            })
            .Build();
        if (received is not null)
        {
            connection.On<JsonElement>("event", e => received.Enqueue(e));
        }
        return connection;
    }

    /// <summary>The first received event that matches, waiting up to <paramref name="seconds"/>; null when none came.</summary>
    public async Task<JsonElement?> WaitForAsync(Func<JsonElement, bool> match, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            foreach (var e in Received)
            {
                if (match(e))
                {
                    return e;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                return null;
            }
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
