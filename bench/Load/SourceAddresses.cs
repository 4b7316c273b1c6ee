using System.Net;
using System.Net.Sockets;

namespace AutoMl.Bench.Load;

/// <summary>
/// One HTTP handler per loopback source address (127.1.x.y; Linux routes all of 127/8 to lo), so nginx's per-IP
/// limit sees a crowd of clients rather than one address sending everything.
/// </summary>
internal sealed class SourceAddresses : IDisposable
{
    private readonly SocketsHttpHandler[] handlers;
    private readonly HttpClient[] clients;

    public SourceAddresses(int count, Uri baseAddress)
    {
        handlers = new SocketsHttpHandler[Math.Max(1, count)];
        clients = new HttpClient[handlers.Length];
        for (var i = 0; i < handlers.Length; i++)
        {
            var local = Address(i);
            handlers[i] = Handler(local);
            clients[i] = new HttpClient(handlers[i], disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    public int Count => handlers.Length;

    public HttpClient Client(int user) => clients[user % clients.Length];

    public SocketsHttpHandler Handler(int user) => handlers[user % handlers.Length];

    public static IPAddress Address(int i) => new([127, 1, (byte)(i / 250), (byte)(i % 250 + 1)]);

    private static SocketsHttpHandler Handler(IPAddress local) => new()
    {
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public void Dispose()
    {
        foreach (var c in clients)
        {
            c.Dispose();
        }
        foreach (var h in handlers)
        {
            h.Dispose();
        }
    }
}
