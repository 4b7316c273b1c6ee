using System.Diagnostics;

namespace AutoMl.Bench.Load;

/// <summary>A fault and the time it covers: from the kill until the part is back and 10 s more for clients to reconnect.</summary>
internal sealed record FaultWindow(string What, long FromMs, long ToMs);

/// <summary>
/// The fault run's schedule, against infra/multi.sh's processes: kill -9 one API instance and one worker (each brought
/// back by infra/multi.sh start, which starts only what is missing), and a Redis restart (its AOF keeps the queues).
/// </summary>
internal sealed class Faults(LoadSettings settings, Recorder recorder)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(10);

    public List<FaultWindow> Windows { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        var run = Path.Combine(settings.Repo, ".data/multi");
        await Task.Delay(TimeSpan.FromSeconds(25), stop);
        await KillAndRestartAsync("kill -9 API 127.0.0.1:8082", Path.Combine(run, "api-8082.pid"), stop);
        await Task.Delay(TimeSpan.FromSeconds(15), stop);
        await KillAndRestartAsync("kill -9 worker-fast-1", Path.Combine(run, "worker-fast-1.pid"), stop);
        await Task.Delay(TimeSpan.FromSeconds(15), stop);
        await RestartRedisAsync(stop);
    }

    private async Task KillAndRestartAsync(string what, string pidFile, CancellationToken stop)
    {
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile, stop), System.Globalization.CultureInfo.InvariantCulture);
        var from = recorder.Now;
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(); // SIGKILL on Linux: no shutdown hooks, in-flight requests and jobs are cut off
        }
        Console.Error.WriteLine($"[load] fault: {what} (pid {pid}) at {from / 1000.0:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(8), stop);
        await ShellAsync("infra/multi.sh", "start");
        var to = recorder.Now + (long)Recovery.TotalMilliseconds;
        Windows.Add(new FaultWindow(what, from, to));
        Console.Error.WriteLine($"[load] fault: {what} recovered at {recorder.Now / 1000.0:F1} s");
    }

    private async Task RestartRedisAsync(CancellationToken stop)
    {
        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:6379";
        var port = redis.Split(',')[0].Split(':').Last();
        var from = recorder.Now;
        await ShellAsync("redis-cli", "-p", port, "shutdown");
        Console.Error.WriteLine($"[load] fault: Redis on port {port} shut down at {from / 1000.0:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(3), stop);
        await ShellAsync("infra/stack.sh", "start", "dev");
        Windows.Add(new FaultWindow("Redis restart", from, recorder.Now + (long)Recovery.TotalMilliseconds));
        Console.Error.WriteLine($"[load] fault: Redis back at {recorder.Now / 1000.0:F1} s");
    }

    private async Task ShellAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file.Contains('/', StringComparison.Ordinal) ? Path.Combine(settings.Repo, file) : file)
        {
            WorkingDirectory = settings.Repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["AUTOML_MULTI_SKIP_PUBLISH"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"[load] {file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await errors}");
        }
    }

    public bool Inside(long at) => Windows.Any(w => at >= w.FromMs && at <= w.ToMs);
}
