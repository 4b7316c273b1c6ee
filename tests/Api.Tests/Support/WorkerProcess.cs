using System.Diagnostics;

namespace AutoMl.Api.Tests.Support;

/// <summary>A real worker process (src/Workers' build output), so a test can kill -9 it mid-job.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process process;

    private WorkerProcess(Process process) => this.process = process;

    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment, string queues)
    {
        var info = new ProcessStartInfo("dotnet", [Locate()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        info.Environment["Worker__Queues"] = queues;
        info.Environment["Worker__Count"] = "1";
        info.Environment["Blobs__Provider"] = "local";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the worker process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>Whether the process ended within <paramref name="seconds"/> (on its own: a crash, a fault-injection hook).</summary>
    public async Task<bool> ExitedWithinAsync(int seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no lease released, as when a machine dies.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }

    private static string Locate()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "Workers", "bin", configuration, "net10.0", "AutoMl.Workers.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }
        throw new FileNotFoundException($"The worker's build output (src/Workers/bin/{configuration}/net10.0/AutoMl.Workers.dll) is missing: build the solution first.");
    }
}
