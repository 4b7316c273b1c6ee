using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Sdk.Tests.Support;

/// <summary>
/// The platform with an in-process worker on a real loopback port (Kestrel, not the test server), so a separate
/// process such as the `automl` CLI can reach it. Rate limits are off: the CLI polls while it waits.
/// </summary>
public sealed class KestrelPlatformFactory : PlatformFactory, IAsyncLifetime
{
    public KestrelPlatformFactory() => UseKestrel(0);

    public override string BlobProvider => "local";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AutoMl:RateLimits:Enabled"] = "false",
    };

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    // The base class starts the host through Server, which Kestrel does not support: start it this way instead.
    public new Task InitializeAsync()
    {
        StartServer(); // migrates the database
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestStack.DropDatabaseAsync(Database);
    }

    /// <summary>Signs a new user up over HTTP, as the dashboard does, and returns a fresh API key of theirs.</summary>
    public async Task<string> NewApiKeyAsync(string? scope = null) => (await NewAccountAsync(scope, admin: false)).Key;

    /// <summary>A new admin (granted the role, then signed in again to carry it) and a key of theirs with the admin scope.</summary>
    public async Task<(string Email, string Key)> NewAdminKeyAsync() => await NewAccountAsync("admin", admin: true);

    private async Task<(string Email, string Key)> NewAccountAsync(string? scope, bool admin)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new AntiforgeryHeaderHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } })
        {
            BaseAddress = Address,
        };
        var browser = new BrowserClient(http, cookies);
        var email = NewEmail();
        var response = await http.PostAsync("api/v1/auth/signup", JsonContent.Create(new { email, password = GoodPassword }));
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        // Confirmed as the emailed link would, so the account has its welcome bonus to spend.
        using var mailApp = new HttpClient { BaseAddress = Address };
        await ConfirmEmailAsync(email, mailApp);
        if (admin)
        {
            await this.GrantAdminAsync(email);
            await (await http.PostAsync("api/v1/auth/login", JsonContent.Create(new { email, password = GoodPassword }))).EnsureStatusAsync(HttpStatusCode.OK);
        }
        return (email, await CreateApiKeyAsync(browser, scope: scope));
    }
}
