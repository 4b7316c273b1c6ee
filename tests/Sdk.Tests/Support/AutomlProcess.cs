namespace AutoMl.Sdk.Tests.Support;

/// <summary>The `automl` CLI as built with these tests, run as a separate process in a working folder.</summary>
public static class AutomlProcess
{
    /// <summary>The CLI's assembly (the test project builds it, in the same configuration).</summary>
    public static string Assembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(Data.RepositoryRoot, "src", "Cli", "bin", configuration, "net10.0", "AutoMl.Cli.dll");
            Assert.True(File.Exists(path), $"{path} is missing: build src/Cli in {configuration}.");
            return path;
        }
    }

    public static Task<Shell.Result> RunAsync(string arguments, IDictionary<string, string> env, string workingDirectory, TimeSpan timeout) =>
        Shell.RunAsync("dotnet", $"\"{Assembly}\" {arguments}", workingDirectory, env, timeout);

    public static string Describe(Shell.Result result) => $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}";

    /// <summary>The cells of the table row whose cell in <paramref name="column"/> is <paramref name="value"/>.</summary>
    public static string[] Cells(Shell.Result result, string value, int column = 0)
    {
        var rows = result.Stdout.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Split('│').Select(c => c.Trim()).ToArray()[1..^1]);
        return rows.Single(cells => cells.Length > column && cells[column] == value);
    }
}
