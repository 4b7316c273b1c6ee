using System.Text.RegularExpressions;

namespace AutoMl.Domain.Tests.Jobs;

/// <summary>A job's statuses and moves are said once, in Domain/Jobs: any other code asks JobLifecycle.</summary>
public partial class JobStatusLiteralTests
{
    // The EF mapping may name a status (its conversion), and a migration records the schema as it was.
    private static bool Allowed(string relative) =>
        relative.StartsWith("Domain/Jobs/", StringComparison.Ordinal)
        || relative == "Infrastructure/Jobs/JobConfiguration.cs"
        || relative.Contains("/Migrations/", StringComparison.Ordinal)
        || relative.Contains("/bin/", StringComparison.Ordinal)
        || relative.Contains("/obj/", StringComparison.Ordinal);

    [GeneratedRegex(@"\bJobStatus\.(Queued|Running|Succeeded|Failed|Cancelled)\b")]
    private static partial Regex Literal();

    [Fact]
    public void No_job_status_literal_outside_the_lifecycle()
    {
        var src = Path.Combine(SolutionDirectory(), "src");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (Allowed(relative))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Literal().IsMatch(lines[i]))
                {
                    found.Add($"src/{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.True(found.Count == 0, "Use JobLifecycle instead of a job status literal:\n" + string.Join('\n', found));
    }

    [Fact]
    public void the_scan_sees_the_lifecycle_itself()
    {
        // Guards the test above against scanning nothing (a wrong root finds no literal anywhere).
        var lifecycle = Path.Combine(SolutionDirectory(), "src", "Domain", "Jobs", "JobLifecycle.cs");
        Assert.Matches(Literal(), File.ReadAllText(lifecycle));
    }

    private static string SolutionDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoMl.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("AutoMl.sln not found above " + AppContext.BaseDirectory);
    }
}
