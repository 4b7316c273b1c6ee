using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace AutoMl.Web.Tests.Support;

/// <summary>Runs one browser spec (web/e2e/&lt;name&gt;.test.mjs) with `node --test` against the platform.</summary>
public static class NodeSpec
{
    public static async Task RunAsync(WebPlatformFactory platform, string spec, TimeSpan timeout, ITestOutputHelper log, IReadOnlyDictionary<string, string>? environment = null)
    {
        var file = Path.Combine("web", "e2e", spec + ".test.mjs");
        Assert.True(File.Exists(Path.Combine(Repo.Root, file)), $"{file} does not exist.");
        Directory.CreateDirectory(Repo.Screenshots);
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", file])
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AUTOML_BASE_URL"] = platform.Address;
        start.Environment["AUTOML_SCREENSHOTS"] = Repo.Screenshots;
        start.Environment["AUTOML_TEST_DATA"] = Path.Combine(Repo.Root, "tests", "data");
        start.Environment["AUTOML_MAILBOX_URL"] = platform.Mailbox.BaseUrl.ToString();
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start: is it on PATH?");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{file} did not finish within {timeout.TotalSeconds:0} s and was killed:\n{Text(output)}");
        }
        process.WaitForExit(); // flushes the redirected output
        log.WriteLine(Text(output)); // the render timings, also of a passing run
        Assert.True(process.ExitCode == 0, $"{file} failed (exit code {process.ExitCode}):\n{Text(output)}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
