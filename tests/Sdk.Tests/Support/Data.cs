namespace AutoMl.Sdk.Tests.Support;

public static class Data
{
    public static string File(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "data", "ml")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("tests/data/ml not found above the test binaries."), "tests", "data", "ml", name);
    }

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(File("penguins.csv"))!, "..", "..", ".."));
}
