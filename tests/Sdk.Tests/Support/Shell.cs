using System.Diagnostics;

namespace AutoMl.Sdk.Tests.Support;

public static class Shell
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs a process to its end; past the timeout (3 minutes unless given) it is killed with its children and the run fails.</summary>
    public static async Task<Result> RunAsync(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        using var timer = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{file} {arguments} did not end within {limit.TotalSeconds:0} s and was killed:\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static async Task<Result> MustAsync(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var result = await RunAsync(file, arguments, workingDirectory, environment, timeout);
        Assert.True(result.ExitCode == 0, $"{file} {arguments} exited {result.ExitCode}:\n{result.Stdout}\n{result.Stderr}");
        return result;
    }
}
