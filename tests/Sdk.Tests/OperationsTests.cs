using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Sdk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Sdk.Tests;

/// <summary>The platform's alerts and the last reconciliation through `client.Operations` and `automl ops`, for admins only.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class OperationsTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task an_admin_key_reads_a_drift_alert_and_the_reconciliation_in_the_sdk_and_the_cli_and_a_user_key_is_refused()
    {
        var userKey = await platform.NewApiKeyAsync();
        using var user = Client(userKey);
        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => user.Operations.ListAlertsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var cliRefused = await AutomlProcess.RunAsync("ops alerts", Env(userKey), work.FullName, Quick);
        Assert.True(cliRefused.ExitCode == 3, AutomlProcess.Describe(cliRefused));

        var (_, adminKey) = await platform.NewAdminKeyAsync();
        using var admin = Client(adminKey);
        var me = await admin.Account.GetMeAsync();

        await SqlAsync($"UPDATE credit_accounts SET balance = balance + 3 WHERE user_id = '{me.Id}'");
        try
        {
            await platform.ReconcileAsync();
            await platform.RunAlertsAsync();

            var run = await admin.Operations.GetReconciliationAsync();
            Assert.False(run.Balanced);
            var drift = Assert.Single(run.Drift, d => d.UserId == me.Id);
            Assert.Equal(103, drift.Balance);
            Assert.Equal(100, drift.EntriesSum);
            var alert = Assert.Single((await admin.Operations.ListAlertsAsync("open")).Items, a => a.Rule == "ledger-drift");
            Assert.Equal("critical", alert.Severity);
            Assert.Null(alert.ClearedAt);
            Assert.Contains(me.Id.ToString(), alert.Message, StringComparison.Ordinal);

            var table = await AutomlProcess.RunAsync("ops reconciliation", Env(adminKey), work.FullName, Quick);
            Assert.True(table.ExitCode == 0, AutomlProcess.Describe(table));
            Assert.Contains("drift", table.Stdout, StringComparison.Ordinal);
            Assert.Equal("103", AutomlProcess.Cells(table, me.Id.ToString())[1]);
            var json = await AutomlProcess.RunAsync("ops alerts --json", Env(adminKey), work.FullName, Quick);
            Assert.True(json.ExitCode == 0, AutomlProcess.Describe(json));
            Assert.Contains(JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray(), a => a.GetProperty("rule").GetString() == "ledger-drift");
        }
        finally
        {
            await SqlAsync($"UPDATE credit_accounts SET balance = balance - 3 WHERE user_id = '{me.Id}'");
        }

        await platform.ReconcileAsync();
        await platform.RunAlertsAsync();
        Assert.True((await admin.Operations.GetReconciliationAsync()).Balanced);
        Assert.DoesNotContain((await admin.Operations.ListAlertsAsync()).Items, a => a.Rule == "ledger-drift");
        var cleared = await AutomlProcess.RunAsync("ops alerts --status cleared --json", Env(adminKey), work.FullName, Quick);
        Assert.True(cleared.ExitCode == 0, AutomlProcess.Describe(cleared));
        var gone = Assert.Single(JsonDocument.Parse(cleared.Stdout).RootElement.EnumerateArray(), a => a.GetProperty("rule").GetString() == "ledger-drift");
        Assert.Equal(JsonValueKind.String, gone.GetProperty("clearedAt").ValueKind);
        var balanced = await AutomlProcess.RunAsync("ops reconciliation", Env(adminKey), work.FullName, Quick);
        Assert.Contains("balanced", balanced.Stdout, StringComparison.Ordinal);
    }

    private AutoMlClient Client(string key) => new(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });

    private Dictionary<string, string> Env(string key) => new()
    {
        ["AUTOML_URL"] = platform.Address.ToString(),
        ["AUTOML_API_KEY"] = key,
        ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
    };

    private Task<int> SqlAsync(string sql) => platform.InDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
