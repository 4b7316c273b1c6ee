using System.Text.Json;
using AutoMl.Sdk.Tests.Support;
using AutoMl.Testing;

namespace AutoMl.Sdk.Tests;

/// <summary>The data checks through the SDK and `automl datasets checks` / `automl train --keep-column`.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class DataCheckCliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task the_sdk_and_the_cli_show_a_planted_leak_and_what_training_leaves_out_and_keep_puts_it_back()
    {
        var key = await platform.NewApiKeyAsync();
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });
        using var file = new MemoryStream(LeakyCustomers.Csv());
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadAsync(file, "customers.csv")).Id);

        var leak = Assert.Single(dataset.Checks!, c => c.Code == "target-leakage");
        Assert.Equal(["leak"], leak.Columns);
        Assert.Equal(("critical", "churned", true), (leak.Severity, leak.Target, leak.ExcludedByDefault));
        var checks = await client.Datasets.GetChecksAsync(dataset.Id, "churned");
        Assert.Equal(["customer_id", "leak"], checks.ExcludedByDefault.Order(StringComparer.Ordinal));
        var quote = await client.Jobs.QuoteAsync(new JobRequest { DatasetId = dataset.Id, Target = "churned", BudgetSeconds = 10 });
        Assert.Equal(["customer_id", "leak"], quote.ExcludedByChecks.Order(StringComparer.Ordinal));
        Assert.Contains(quote.Checks!, c => c.Code == "identifier" && c.Columns.SequenceEqual(["customer_id"]));

        var env = new Dictionary<string, string>
        {
            ["AUTOML_URL"] = platform.Address.ToString(),
            ["AUTOML_API_KEY"] = key,
            ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
        };
        var table = await MustAsync($"datasets checks {dataset.Id} --target churned", env);
        Assert.Contains("target-leakage", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Training leaves out: ", table.Stdout, StringComparison.Ordinal);
        Assert.Matches("Training leaves out: (customer_id, leak|leak, customer_id)", table.Stdout);
        var json = JsonDocument.Parse((await MustAsync($"datasets checks {dataset.Id} --target x1 --json", env)).Stdout).RootElement;
        Assert.Equal("regression", json.GetProperty("task").GetString());

        var byDefault = await MustAsync($"train --dataset {dataset.Id} --target churned --budget 10", env);
        Assert.Matches("left out by the data checks: (customer_id, leak|leak, customer_id)", byDefault.Stdout);
        var kept = JsonDocument.Parse((await MustAsync($"train --dataset {dataset.Id} --target churned --budget 10 --keep-column leak --json", env)).Stdout).RootElement;
        Assert.Equal(["customer_id"], kept.GetProperty("job").GetProperty("excludedByChecks").EnumerateArray().Select(c => c.GetString()));
        var keepId = await AutomlProcess.RunAsync($"train --dataset {dataset.Id} --target churned --budget 10 --keep-column customer_id", env, work.FullName, Quick);
        Assert.True(keepId.ExitCode != 0, AutomlProcess.Describe(keepId));
        Assert.Contains("customer_id is an identifier", keepId.Stderr, StringComparison.Ordinal);
        foreach (var job in (await client.Jobs.ListAsync()).Items.Where(j => j.FinishedAt is null))
        {
            await client.Jobs.CancelAsync(job.Id);
        }
    }

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env)
    {
        var result = await AutomlProcess.RunAsync(arguments, env, work.FullName, Quick);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{AutomlProcess.Describe(result)}");
        return result;
    }

    public void Dispose() => work.Delete(recursive: true);
}
