using System.Diagnostics;

namespace AutoMl.Bench.Load;

/// <summary>Surge mode's restart: the API instances stopped and started again (LOAD_SURGE_RESTART, set by bench/load.sh), ready before the crowd arrives.</summary>
internal static class Surge
{
    public static async Task RestartAsync(LoadSettings settings)
    {
        if (settings.SurgeRestart.Length == 0)
        {
            throw new InvalidOperationException("LOAD_SURGE=1 needs LOAD_SURGE_RESTART, the command that restarts the API instances: run through bench/load.sh.");
        }
        Console.Error.WriteLine($"[load] surge: restarting the API instances ({settings.SurgeRestart})");
        var clock = Stopwatch.StartNew();
        using var restart = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", settings.SurgeRestart]) { WorkingDirectory = settings.Repo })
            ?? throw new InvalidOperationException("Could not start the restart command.");
        await restart.WaitForExitAsync();
        if (restart.ExitCode != 0)
        {
            throw new InvalidOperationException($"The restart command exited with {restart.ExitCode}.");
        }
        Console.Error.WriteLine($"[load] surge: instances ready after {clock.Elapsed.TotalSeconds:F0} s; the crowd arrives now; load average {Report.LoadAverage()}");
    }
}
