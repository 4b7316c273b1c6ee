using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Api.Tests.Support;

/// <summary>A client of the events hub, as the SDK connects with an API key, that keeps every event it receives.</summary>
public sealed class EventsHubClient : IAsyncDisposable
{
    private readonly HubConnection connection;

    private EventsHubClient(HubConnection connection) => this.connection = connection;

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    /// <summary>Connected and in the account's group: a Resume answered proves live events reach it from now on.</summary>
    public static async Task<EventsHubClient> ConnectAsync(ApiFactory api, string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/events"), o =>
            {
                o.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
            })
            .Build();
        var client = new EventsHubClient(connection);
        connection.On<JsonElement>("event", e => client.Received.Enqueue(e));
        await connection.StartAsync();
        await connection.InvokeAsync<int>("Resume", long.MaxValue);
        return client;
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
