using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

public sealed class PackageTests : IDisposable
{
    // A version of its own per run, so the global packages folder never serves a copy packed earlier.
    private readonly string version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("automl-pack-");

    [Fact]
    public async Task packed_sdk_builds_in_a_fresh_project_and_packed_cli_installs_and_runs()
    {
        var feed = Path.Combine(root.FullName, "feed");
        var repo = Data.RepositoryRoot;
        await Shell.MustAsync("dotnet", $"pack src/Sdk/AutoMl.Sdk.csproj -c Release -o \"{feed}\" -p:Version={version}", repo);
        await Shell.MustAsync("dotnet", $"pack src/Cli/AutoMl.Cli.csproj -c Release -o \"{feed}\" -p:Version={version}", repo);
        Assert.True(File.Exists(Path.Combine(feed, $"AutoMl.Sdk.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"AutoMl.Cli.{version}.nupkg")));
        // Source Link, built into the .NET SDK: the package names the commit it was built from (and the repository URL
        // once the checkout has a remote), and the symbols ship beside it.
        Assert.True(File.Exists(Path.Combine(feed, $"AutoMl.Sdk.{version}.snupkg")));
        using (var package = ZipFile.OpenRead(Path.Combine(feed, $"AutoMl.Sdk.{version}.nupkg")))
        using (var nuspec = package.GetEntry("AutoMl.Sdk.nuspec")!.Open())
        {
            var repository = XDocument.Load(nuspec).Descendants().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", repository.Attribute("type")?.Value);
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
        }

        var app = Directory.CreateDirectory(Path.Combine(root.FullName, "app")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // A project outside the repository: none of its Directory.Build.props or central versions apply.
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        await Shell.MustAsync("dotnet", "new console --framework net10.0 --name App --output .", app);
        await Shell.MustAsync("dotnet", $"add package AutoMl.Sdk --version {version}", app);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using AutoMl.Sdk;
            using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), ApiKey = "aml_x" });
            try { await client.Credits.GetBalanceAsync(); } catch (HttpRequestException) { Console.WriteLine("unreachable, as expected"); }
            """);
        await Shell.MustAsync("dotnet", "build -c Release", app);

        var tools = Path.Combine(root.FullName, "tools");
        await Shell.MustAsync("dotnet", $"tool install AutoMl.Cli --version {version} --tool-path \"{tools}\" --add-source \"{feed}\"", app);
        var automl = Path.Combine(tools, OperatingSystem.IsWindows() ? "automl.exe" : "automl");
        var help = await Shell.MustAsync(automl, "--help", app);
        Assert.Contains("Exit codes", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("train", help.Stdout, StringComparison.Ordinal);

        var noKey = new Dictionary<string, string> { ["AUTOML_CONFIG_DIR"] = Path.Combine(root.FullName, "config"), ["AUTOML_API_KEY"] = "" };
        var credits = await Shell.RunAsync(automl, "credits --json", app, noKey);
        Assert.Equal(3, credits.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(credits.Stdout).RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
    }

    public void Dispose()
    {
        root.Delete(recursive: true);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "automl.sdk", "automl.cli" })
        {
            var cached = new DirectoryInfo(Path.Combine(packages, id, version));
            if (cached.Exists)
            {
                cached.Delete(recursive: true);
            }
        }
    }
}
