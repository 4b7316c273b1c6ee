using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>
/// The API with the production sign-in limits, requests that say which client address they come from,
/// and a clock a test can move. Two settings differ from production, each for one test: confirmation
/// resends are 2 s apart (not 5 minutes) so the daily limit is reached quickly, and one password hash at a
/// time with no waiting, so a burst of sign-ins meets the bound at once.
/// </summary>
public sealed class AuthAttackApiFactory : ApiFactory
{
    public const int ResendIntervalSeconds = 2;

    public MovableClock Clock { get; } = new();

    protected override bool GenerousAuthLimits => false;

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMl:RateLimits:ConfirmationResends:MinIntervalSeconds", ResendIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AutoMl:RateLimits:PasswordHashing:MaxConcurrent", "1");
        builder.UseSetting("AutoMl:RateLimits:PasswordHashing:MaxWaitMilliseconds", "0");
        // The Redis buckets are under test, not the in-process fallback a slow test machine could trip into.
        builder.UseSetting("AutoMl:RateLimits:RedisTimeoutMilliseconds", "5000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressHeader>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A browser (cookies, anti-forgery) whose requests come from <paramref name="address"/>.</summary>
    public BrowserClient BrowserFrom(string address)
    {
        var browser = Browser();
        browser.Http.DefaultRequestHeaders.Add(ClientAddressHeader.Header, address);
        return browser;
    }

    public async Task<BrowserClient> SignUpFromAsync(string address, string email)
    {
        var browser = BrowserFrom(address);
        var response = await browser.Http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password = GoodPassword, acceptTerms = true, confirmAge = true });
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.Created);
        return browser;
    }
}
