namespace AutoMl.Web.Tests.Support;

public static class Repo
{
    /// <summary>The repository root: the first parent of the test binaries that holds AutoMl.sln.</summary>
    public static string Root { get; } = Find();

    public static string WebDist => Path.Combine(Root, "web", "dist");

    public static string Screenshots => Path.Combine(Root, "TestResults", "screenshots");

    public const string Chromium = "/usr/bin/chromium";

    private static string Find()
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
