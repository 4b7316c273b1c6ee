namespace AutoMl.Api.Tests.Support;

/// <summary>The checkout's infra/ scripts, found above the test's build output.</summary>
public static class InfraScript
{
    public static string Locate(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "infra", name);
            if (File.Exists(script))
            {
                return script;
            }
        }
        throw new FileNotFoundException($"infra/{name} was not found above {AppContext.BaseDirectory}.");
    }
}
