using System.Net;
using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>Issue 30's admin console through the SDK (client.Admin) and `automl admin`, with an admin-scope key.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class AdminClientTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task an_admin_finds_a_user_sets_the_tier_grants_credits_suspends_and_unsuspends_them_with_the_sdk()
    {
        var (_, adminKey) = await platform.NewAdminKeyAsync();
        using var admin = Client(adminKey);
        using var user = Client(await platform.NewApiKeyAsync());
        var me = await user.Account.GetMeAsync();

        var found = await admin.Admin.FindUserAsync(me.Email.ToUpperInvariant());
        var byPart = await admin.Admin.ListUsersAsync(query: me.Email[..12]);
        var pro = await admin.Admin.SetTierAsync(me.Id, "pro", "Pilot customer");
        var granted = await admin.Admin.GrantCreditsAsync(me.Id, 25, "Conference voucher");
        var suspended = await admin.Admin.SuspendAsync(me.Id, "Chargebacks");
        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => user.Credits.GetBalanceAsync());
        var lifted = await admin.Admin.UnsuspendAsync(me.Id, "Chargebacks withdrawn");

        Assert.Equal(me.Id, found?.Id);
        Assert.Equal(me.Id, Assert.Single(byPart.Items).Id);
        Assert.Equal("pro", pro.Tier);
        Assert.Equal("pro", (await user.Account.GetMeAsync()).Tier);
        Assert.Equal(found!.Balance + 25, granted.Balance);
        Assert.Equal("Chargebacks", suspended.Suspension?.Reason);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("urn:automl:problem:account-suspended", refused.ProblemType);
        Assert.Null(lifted.Suspension);
        Assert.Equal(granted.Balance, (await user.Credits.GetBalanceAsync()).Balance);
        Assert.Equal(1, (await admin.Admin.GetUserAsync(me.Id)).Counts.ApiKeys);
        Assert.Single((await admin.Admin.ListUserKeysAsync(me.Id)).Items);
        Assert.Empty((await admin.Admin.ListUserJobsAsync(me.Id)).Items);
        Assert.Contains((await admin.Admin.GetUserLedgerAsync(me.Id)).Items, e => e.Reference.StartsWith("Conference voucher", StringComparison.Ordinal));
        var trail = (await admin.Admin.ListAuditEventsAsync(me.Id)).Items.Select(e => e.Action).ToList();
        Assert.Equal(["account-unsuspension", "account-suspension", "credit-adjustment", "tier-change"], trail.Take(4));
        var figures = await admin.Admin.GetFiguresAsync();
        Assert.Equal(30, figures.Days.Count);
        Assert.True(figures.Days[^1].SignUps >= 2);
        Assert.Empty((await admin.Admin.ListAdClaimsAsync()).Items);
    }

    [Fact]
    public async Task keys_without_the_admin_scope_or_of_a_non_admin_are_refused_and_a_non_admin_cannot_make_one()
    {
        var (email, _) = await platform.NewAdminKeyAsync();
        using var adminsFullKey = Client(await platform.NewApiKeyAsync("full"));
        var userKey = await platform.NewApiKeyAsync();
        using var user = Client(userKey);

        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => user.Admin.ListUsersAsync());
        var cli = await AutomlProcess.RunAsync($"admin user {email}", Env(userKey), work.FullName, Quick);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(cli.ExitCode == 3, AutomlProcess.Describe(cli));
    }

    [Fact]
    public async Task the_cli_finds_a_user_sets_the_tier_suspends_grants_and_prints_the_figures()
    {
        var (_, adminKey) = await platform.NewAdminKeyAsync();
        using var user = Client(await platform.NewApiKeyAsync());
        var me = await user.Account.GetMeAsync();
        var env = Env(adminKey);

        var users = await AutomlProcess.RunAsync($"admin users {me.Email[..14]}", env, work.FullName, Quick);
        var tier = await AutomlProcess.RunAsync($"admin tier {me.Email} enterprise --reason \"Signed contract\" --json", env, work.FullName, Quick);
        var grant = await AutomlProcess.RunAsync($"admin grant {me.Id} 40 --reason \"Support gesture\" --json", env, work.FullName, Quick);
        var suspend = await AutomlProcess.RunAsync($"admin suspend {me.Email} --reason \"Abuse report\"", env, work.FullName, Quick);
        var shown = await AutomlProcess.RunAsync($"admin user {me.Email} --json", env, work.FullName, Quick);
        var unsuspend = await AutomlProcess.RunAsync($"admin unsuspend {me.Email}", env, work.FullName, Quick);
        var figures = await AutomlProcess.RunAsync("admin figures --from 2026-01-01 --to 2026-01-03 --json", env, work.FullName, Quick);
        var nobody = await AutomlProcess.RunAsync("admin user nobody@example.com", env, work.FullName, Quick);

        Assert.True(users.ExitCode == 0, AutomlProcess.Describe(users));
        Assert.Equal(me.Email, AutomlProcess.Cells(users, me.Id.ToString())[1]);
        Assert.True(tier.ExitCode == 0, AutomlProcess.Describe(tier));
        Assert.Equal("enterprise", JsonDocument.Parse(tier.Stdout).RootElement.GetProperty("tier").GetString());
        Assert.True(grant.ExitCode == 0, AutomlProcess.Describe(grant));
        Assert.True(suspend.ExitCode == 0, AutomlProcess.Describe(suspend));
        Assert.Contains("suspended", suspend.Stdout, StringComparison.Ordinal);
        Assert.Equal("Abuse report", JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("suspension").GetProperty("reason").GetString());
        Assert.True(unsuspend.ExitCode == 0, AutomlProcess.Describe(unsuspend));
        Assert.Equal("enterprise", (await user.Account.GetMeAsync()).Tier);
        Assert.Equal(JsonDocument.Parse(grant.Stdout).RootElement.GetProperty("balance").GetInt64(), (await user.Credits.GetBalanceAsync()).Balance);
        Assert.True(figures.ExitCode == 0, AutomlProcess.Describe(figures));
        Assert.Equal(3, JsonDocument.Parse(figures.Stdout).RootElement.GetProperty("days").GetArrayLength());
        Assert.True(nobody.ExitCode == 1, AutomlProcess.Describe(nobody));
        Assert.Contains("No account has the email or id", nobody.Stderr, StringComparison.Ordinal);
    }

    private AutoMlClient Client(string key) => new(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key });

    private Dictionary<string, string> Env(string key) => new()
    {
        ["AUTOML_URL"] = platform.Address.ToString(),
        ["AUTOML_API_KEY"] = key,
        ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
    };
}
