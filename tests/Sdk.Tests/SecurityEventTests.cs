using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>The account's security events through the SDK and `automl security-events`.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class SecurityEventTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task the_key_that_reads_the_events_is_among_them_in_the_sdk_and_the_cli()
    {
        var key = await platform.NewApiKeyAsync();
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });

        var events = (await client.Account.ListSecurityEventsAsync()).Items;
        var created = Assert.Single(events, e => e.Action == "api-key-create");
        Assert.Equal("success", created.Outcome);
        Assert.Equal("api-key", created.TargetType);
        Assert.Contains(key[..8], created.Detail, StringComparison.Ordinal);

        var env = new Dictionary<string, string>
        {
            ["AUTOML_URL"] = platform.Address.ToString(),
            ["AUTOML_API_KEY"] = key,
            ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
        };
        var table = await AutomlProcess.RunAsync("security-events", env, work.FullName, Quick);
        Assert.True(table.ExitCode == 0, AutomlProcess.Describe(table));
        Assert.Equal("success", AutomlProcess.Cells(table, "api-key-create", column: 1)[2]);
        var json = await AutomlProcess.RunAsync("security-events --limit 1 --json", env, work.FullName, Quick);
        Assert.True(json.ExitCode == 0, AutomlProcess.Describe(json));
        Assert.Equal(events[0].Id, Assert.Single(JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray()).GetProperty("id").GetInt64());
    }
}
