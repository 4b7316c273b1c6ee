namespace AutoMl.Testing;

/// <summary>Files under tests/data, found from the test binary's folder so tests run from any working directory.</summary>
public static class TestData
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "data", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"tests/data/{relative} is missing from this checkout.");
    }
}
