using System.Net.Http.Json;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Support;

/// <summary>The API in-process against the real stack, on a database of its own that is dropped afterwards.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int LockoutAttempts = 3;
    public const string GoodPassword = "correct horse battery";

    private readonly string database = "automl_test_" + Guid.NewGuid().ToString("N")[..16];

    protected string Database => database;

    /// <summary>What a worker process outside this one needs to join this platform.</summary>
    public IReadOnlyDictionary<string, string> ExternalWorkerEnvironment => new Dictionary<string, string>
    {
        ["ConnectionStrings__Postgres"] = TestStack.Postgres(database),
        ["ConnectionStrings__Redis"] = TestStack.Redis,
        ["AutoMl__RedisPrefix"] = $"test:{database}:",
        ["Blobs__LocalRoot"] = Path.Combine(Path.GetTempPath(), database, "blobs"),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", TestStack.Postgres(database));
        builder.UseSetting("ConnectionStrings:Redis", TestStack.Redis);
        builder.UseSetting("AutoMl:RedisPrefix", $"test:{database}:");
        builder.UseSetting("AutoMl:Sessions:RecheckSeconds", "0");
        builder.UseSetting("AutoMl:Lockout:MaxFailedAttempts", LockoutAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Blobs:LocalRoot", Path.Combine(Path.GetTempPath(), database, "blobs"));
        ConfigurePlatform(builder);
    }

    /// <summary>Where a derived factory adds a store, an in-process worker, or settings of its own.</summary>
    protected virtual void ConfigurePlatform(IWebHostBuilder builder)
    {
    }

    public Task InitializeAsync()
    {
        _ = Server; // starts the host, which migrates the database
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestStack.DropDatabaseAsync(database);
    }

    /// <summary>A client that behaves like the dashboard: keeps cookies and echoes the anti-forgery token.</summary>
    public BrowserClient Browser()
    {
        var cookies = new CookieContainerHandler();
        var http = CreateDefaultClient(new Uri("http://localhost"), new AntiforgeryHeaderHandler(cookies.Container), cookies);
        return new BrowserClient(http, cookies.Container);
    }

    public HttpClient WithKey(string key)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public async Task<BrowserClient> SignUpAsync(string? email = null, string password = GoodPassword)
    {
        var browser = Browser();
        var response = await browser.Http.PostAsJsonAsync("/api/v1/auth/signup", new { email = email ?? NewEmail(), password });
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.Created);
        return browser;
    }

    /// <summary>Creates a key from the signed-in session; no scope sends none, so the API's default (train) applies.</summary>
    public async Task<string> CreateApiKeyAsync(BrowserClient browser, string name = "ci", string? scope = null)
    {
        var response = await browser.Http.PostAsJsonAsync("/api/v1/api-keys", scope is null ? (object)new { name } : new { name, scope });
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return created.GetProperty("key").GetString()!;
    }

    public async Task<T> InDbAsync<T>(Func<AutoMlDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AutoMlDbContext>());
    }

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";
}
