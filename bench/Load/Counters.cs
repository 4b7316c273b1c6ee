using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace AutoMl.Bench.Load;

/// <summary>
/// What the servers counted at one moment: CPU time of the API processes (/proc/&lt;pid&gt;/stat, user + system), commands
/// Redis processed (INFO stats) and transactions Postgres ended (pg_stat_database). Differences of two readings over a
/// window, less the same differences over an idle window, divided by requests, are the cost of one request.
/// </summary>
internal readonly record struct Counters(long At, double ApiCpuMs, long RedisCommands, long PostgresTransactions, int ApiProcesses)
{
    private static readonly double TicksPerSecond = ClockTicks();

    public static async Task<Counters> ReadAsync(LoadSettings settings, Recorder clock)
    {
        var pids = ApiPids(settings);
        var cpu = pids.Sum(ProcessCpuMs);
        return new Counters(clock.Now, cpu, await RedisCommandsAsync(settings.Redis), await PostgresTransactionsAsync(settings.Postgres), pids.Count);
    }

    /// <summary>LOAD_API_PIDS, or the pid files infra/multi.sh writes; read again at every reading, since a surge restarts the instances.</summary>
    public static IReadOnlyList<int> ApiPids(LoadSettings settings)
    {
        if (settings.ApiPids.Length > 0)
        {
            return settings.ApiPids;
        }
        var run = Path.Combine(settings.Repo, ".data/multi");
        return Directory.Exists(run)
            ? Directory.GetFiles(run, "api-*.pid").Select(f => int.TryParse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture, out var p) ? p : 0)
                .Where(p => p > 0 && Directory.Exists($"/proc/{p}")).ToList()
            : [];
    }

    /// <summary>utime + stime of the process, all its threads (fields 14 and 15 of /proc/&lt;pid&gt;/stat), in milliseconds.</summary>
    public static double ProcessCpuMs(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; the fields after it are counted from its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks * 1000.0 / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<long> RedisCommandsAsync(string redis)
    {
        if (redis.Length == 0)
        {
            return 0;
        }
        var parts = redis.Split(',')[0].Split(':');
        using var client = new TcpClient();
        await client.ConnectAsync(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("INFO stats\r\n"));
        var buffer = new byte[16384];
        var text = new StringBuilder();
        const string Field = "total_commands_processed:";
        bool Complete() => text.ToString() is var t && t.IndexOf(Field, StringComparison.Ordinal) is >= 0 and var at && t.IndexOf("\r\n", at, StringComparison.Ordinal) > at;
        while (!Complete())
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                throw new IOException("Redis closed the connection before answering INFO stats.");
            }
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        var line = text.ToString().Split("\r\n").First(l => l.StartsWith(Field, StringComparison.Ordinal));
        return long.Parse(line[Field.Length..], CultureInfo.InvariantCulture);
    }

    private static async Task<long> PostgresTransactionsAsync(string postgres)
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static double ClockTicks()
    {
        // USER_HZ is 100 on every Linux this runs on; getconf says so when it is there.
        try
        {
            using var getconf = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true });
            var text = getconf!.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.TryParse(text, CultureInfo.InvariantCulture, out var hz) && hz > 0 ? hz : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }

    public static Counters operator -(Counters a, Counters b) =>
        new(a.At - b.At, a.ApiCpuMs - b.ApiCpuMs, a.RedisCommands - b.RedisCommands, a.PostgresTransactions - b.PostgresTransactions, a.ApiProcesses);
}
