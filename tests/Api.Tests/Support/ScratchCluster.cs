using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AutoMl.Api.Tests.Support;

/// <summary>
/// A Postgres cluster of the test's own (initdb, pg_ctl) on a free loopback port, for tests that restart, archive or
/// restore a whole cluster, which the shared test stack cannot be. Run as the postgres user when the test runs as root
/// (Postgres refuses root). Disposing stops it and deletes its data folder.
/// </summary>
public sealed class ScratchCluster : IAsyncDisposable
{
    private ScratchCluster(string data, int port)
    {
        Data = data;
        Port = port;
    }

    public string Data { get; }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    /// <summary>A folder the cluster's user can write to (the tests run as root, Postgres as postgres).</summary>
    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automl-{name}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            Command.Run("chown", ["postgres", folder]);
        }
        return folder;
    }

    public static async Task<ScratchCluster> StartAsync(string folder)
    {
        var data = Path.Combine(folder, "postgres");
        var port = FreePort();
        Command.Run(Tool("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], asPostgres: true);
        // As infra/stack.sh makes the test stack: loopback only, the socket in the data folder, no fsync (thrown away).
        Command.Run("sh", ["-c", $"printf \"listen_addresses = '127.0.0.1'\\nunix_socket_directories = '{data}'\\nfsync = off\\n\" >> '{data}/postgresql.conf'"], asPostgres: true);
        var cluster = new ScratchCluster(data, port);
        Command.Run(Tool("pg_ctl"), ["-D", data, "-l", Path.Combine(data, "server.log"), "-o", $"-p {port}", "-w", "-t", "60", "start"], asPostgres: true);
        await using var conn = new Npgsql.NpgsqlConnection(cluster.ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE automl", conn);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    /// <summary>A cluster something else started (infra/restore.sh), so that disposing stops it.</summary>
    public static ScratchCluster Adopt(string data, int port) => new(data, port);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A Postgres server program; missing Postgres fails the test (never a skip).</summary>
    public static string Tool(string name)
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists)
            : null;
        return found ?? throw new InvalidOperationException(
            $"{name} is missing: the backup and restore tests need the Postgres server programs (apt-get install postgresql; ./test.sh installs it).");
    }

    public ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            Command.Run(Tool("pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], asPostgres: true, check: false);
        }
        if (Directory.Exists(Data))
        {
            Directory.Delete(Data, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A program run to its end with a deadline; its output is the failure message when it fails.</summary>
public static class Command
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string Run(string program, IEnumerable<string> arguments, bool asPostgres = false, bool check = true,
        IReadOnlyDictionary<string, string?>? environment = null, int timeoutSeconds = 120)
    {
        var result = Execute(program, arguments.ToList(), asPostgres, environment, timeoutSeconds);
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Output}\n{result.Error}");
        }
        return result.Output;
    }

    public static Result Execute(string program, IReadOnlyList<string> arguments, bool asPostgres = false,
        IReadOnlyDictionary<string, string?>? environment = null, int timeoutSeconds = 120)
    {
        var runAs = asPostgres && Environment.UserName == "root";
        var info = new ProcessStartInfo(runAs ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAs)
        {
            foreach (var part in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(part);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeoutSeconds} s:\n{stderr.Result}");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
