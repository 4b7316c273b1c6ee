using System.Collections.Concurrent;
using System.Net.WebSockets;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;

namespace AutoMl.Sdk.Tests.Support;

/// <summary>
/// The platform with an in-process worker, and SDK clients that reach it through the test server: HTTP by its
/// handler, the events hub by its WebSocket client (kept, so a test can drop a connection).
/// </summary>
public class SdkPlatformFactory : PlatformFactory
{
    /// <summary>Small enough that a 300 s job (10 credits on a small table) is refused with 402, large enough for short jobs.</summary>
    public const int SignupCredits = 5;

    public override string BlobProvider => "local";

    public ConcurrentQueue<WebSocket> Sockets { get; } = new();

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        base.ConfigurePlatform(builder);
        builder.UseSetting("AutoMl:SignupBonusCredits", SignupCredits.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<AutoMlClient> NewUserClientAsync(bool retries = true)
    {
        var key = await CreateApiKeyAsync(await SignUpAsync());
        return Client(key, retries);
    }

    public AutoMlClient Client(string key, bool retries = true) => new(new AutoMlClientOptions
    {
        BaseAddress = Server.BaseAddress,
        ApiKey = key,
        PollInterval = TimeSpan.FromMilliseconds(200),
        Retry = { Enabled = retries, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(5) },
        ConfigureEventsConnection = o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.WebSocketFactory = async (context, ct) =>
            {
                var client = Server.CreateWebSocketClient();
                client.ConfigureRequest = r => r.Headers.Authorization = $"Bearer {key}";
                var socket = await client.ConnectAsync(context.Uri, ct);
                Sockets.Enqueue(socket);
                return socket;
            };
        },
    }, Server.CreateHandler());
}
