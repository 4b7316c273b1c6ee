using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AutoMl.Api.Tests.Support;

/// <summary>
/// A redis-server of one test's own (the shared one serves every other test), so the test can take it away and bring
/// it back: what a Redis restart looks like to the platform.
/// </summary>
public sealed class PrivateRedis : IDisposable
{
    private Process? server;

    public PrivateRedis()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=2000,asyncTimeout=2000";

    public void Start()
    {
        server = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (is it installed? ./test.sh installs it)");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 10 s");
    }

    /// <summary>As kill -9 would: no shutdown, nothing saved.</summary>
    public void Kill()
    {
        server?.Kill();
        server?.WaitForExit();
        server?.Dispose();
        server = null;
    }

    public void Dispose() => Kill();
}
