namespace AutoMl.Api.Tests.Platform;

/// <summary>Redis is reached only through Infrastructure (announcements, locks, the job queue), never by the API or the workers.</summary>
public sealed class RedisBoundaryTests
{
    private static readonly string[] RedisNames = ["StackExchange.Redis", "IConnectionMultiplexer", "RedisException"];

    [Theory]
    [InlineData("src/Api")]
    [InlineData("src/Workers")]
    public void no_source_file_outside_infrastructure_names_the_redis_client(string folder)
    {
        var root = Path.Combine(RepoRoot(), folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(root, f))
            .ToList();
        Assert.NotEmpty(files);

        var offenders = files
            .SelectMany(f => RedisNames.Where(File.ReadAllText(f).Contains).Select(name => $"{Path.GetRelativePath(root, f)}: {name}"))
            .ToList();

        Assert.True(offenders.Count == 0, $"Redis named outside Infrastructure:\n{string.Join('\n', offenders)}");
    }

    private static bool IsBuildOutput(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoMl.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No AutoMl.sln above {AppContext.BaseDirectory}.");
    }
}
