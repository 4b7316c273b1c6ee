using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AutoMl.Sdk.Tests.Support;
using AutoMl.Testing;

namespace AutoMl.Sdk.Tests;

/// <summary>The data export through the SDK (`client.Account`) and `automl export`.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class ExportTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(90);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task the_sdk_requests_an_export_follows_it_lists_it_and_downloads_the_zip_of_the_account()
    {
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = await platform.NewApiKeyAsync("full") });
        var me = await client.Account.GetMeAsync();

        var requested = await client.Account.RequestExportAsync();
        Assert.Equal("queued", requested.Status);
        Assert.Null(requested.DownloadUrl);
        var ready = await Eventually.ReadAsync(() => client.Account.GetExportAsync(requested.Id), e => e.IsFinished, "the export", Quick);
        Assert.Equal("ready", ready.Status);
        Assert.Equal(ready.FinishedAt!.Value.AddHours(24), ready.ExpiresAt);
        Assert.Equal(requested.Id, Assert.Single((await client.Account.ListExportsAsync()).Items).Id);

        using var zip = new MemoryStream();
        await client.Account.DownloadExportAsync(ready.Id, zip);

        Assert.Equal(ready.SizeBytes, zip.Length);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.NotNull(archive.GetEntry("README.txt"));
        using var profile = await JsonDocument.ParseAsync(archive.GetEntry("account/profile.json")!.Open());
        Assert.Equal(me.Id, profile.RootElement.GetProperty("id").GetGuid());
        Assert.Equal(me.Email, profile.RootElement.GetProperty("email").GetString());
    }

    [Fact]
    public async Task a_key_narrower_than_full_cannot_export()
    {
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = await platform.NewApiKeyAsync("train") });

        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Account.RequestExportAsync());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task automl_export_wait_output_writes_the_zip_and_without_wait_says_the_link_comes_by_mail()
    {
        var env = new Dictionary<string, string>
        {
            ["AUTOML_URL"] = platform.Address.ToString(),
            ["AUTOML_API_KEY"] = await platform.NewApiKeyAsync("full"),
            ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
        };
        var target = Path.Combine(work.FullName, "mine.zip");

        var downloaded = await AutomlProcess.RunAsync($"export --wait --output {target}", env, work.FullName, Quick);

        Assert.True(downloaded.ExitCode == 0, AutomlProcess.Describe(downloaded));
        Assert.Contains("bytes written to", downloaded.Stdout, StringComparison.Ordinal);
        using (var archive = ZipFile.OpenRead(target))
        {
            Assert.Contains(archive.Entries, e => e.FullName == "credits/ledger.jsonl");
            Assert.Contains(archive.Entries, e => e.FullName == "README.txt");
        }
        Assert.False(File.Exists(target + ".partial"));

        var queued = await AutomlProcess.RunAsync("export --json", env, work.FullName, Quick);
        Assert.True(queued.ExitCode == 0, AutomlProcess.Describe(queued));
        Assert.Equal("queued", JsonDocument.Parse(queued.Stdout).RootElement.GetProperty("export").GetProperty("status").GetString());
    }
}
