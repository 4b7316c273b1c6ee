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
        if (GenerousAuthLimits)
        {
            UseGenerousAuthLimits(builder);
        }
        builder.UseSetting("Blobs:LocalRoot", Path.Combine(Path.GetTempPath(), database, "blobs"));
        // Dozens of platforms start side by side in a test run: sixteen warmed connections each would pass the test
        // stack's max_connections. StartupWarmupTests turns it on where it is tested.
        builder.UseSetting("AutoMl:Startup:WarmConnections", "0");
        ConfigurePlatform(builder);
    }

    /// <summary>
    /// Hundreds of tests sign up and sign in from one address: they get limits they never reach. Factories
    /// that test the sign-in limits themselves turn this off and get the production defaults.
    /// </summary>
    protected virtual bool GenerousAuthLimits => true;

    private static void UseGenerousAuthLimits(IWebHostBuilder builder)
    {
        foreach (var routeClass in new[] { "SignUp", "Login", "ConfirmEmail", "ResendConfirmation", "PasswordReset" })
        {
            foreach (var per in new[] { "PerClient", "PerAddress" })
            {
                builder.UseSetting($"AutoMl:RateLimits:Auth:{routeClass}:{per}:Requests", "1000000");
                builder.UseSetting($"AutoMl:RateLimits:Auth:{routeClass}:{per}:WindowSeconds", "1");
            }
        }
        builder.UseSetting("AutoMl:RateLimits:LoginThrottle:FreeAttempts", "1000000");
        builder.UseSetting("AutoMl:RateLimits:ConfirmationResends:MinIntervalSeconds", "0");
        builder.UseSetting("AutoMl:RateLimits:ConfirmationResends:PerDay", "1000000");
        // A loaded test machine signs many users up at once; waiting for a hashing slot must not fail a test.
        builder.UseSetting("AutoMl:RateLimits:PasswordHashing:MaxWaitMilliseconds", "60000");
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

    /// <summary>Signs up and, unless told not to, confirms the address as the user clicking the emailed link would (which grants the welcome bonus).</summary>
    public async Task<BrowserClient> SignUpAsync(string? email = null, string password = GoodPassword, bool confirm = true)
    {
        var browser = Browser();
        email ??= NewEmail();
        var response = await browser.Http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password, acceptTerms = true, confirmAge = true });
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.Created);
        if (confirm)
        {
            await ConfirmEmailAsync(email);
        }
        return browser;
    }

    /// <summary>
    /// POSTs /auth/confirm-email with a token made by the platform's own UserManager, as the emailed link carries. Sent
    /// without the session (the link opens in the mail app's browser), so it spends nothing of the user's rate limit.
    /// </summary>
    public async Task ConfirmEmailAsync(string email, HttpClient? client = null)
    {
        var (userId, token) = await ConfirmationTokenAsync(email);
        using var anonymous = client is null ? CreateClient() : null;
        var response = await (client ?? anonymous!).PostAsJsonAsync("/api/v1/auth/confirm-email", new { userId, token });
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.NoContent);
    }

    public async Task<(Guid UserId, string Token)> ConfirmationTokenAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AutoMl.Infrastructure.Accounts.AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account has the address {email}.");
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        return (user.Id, Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token)));
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
