using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Sdk.Tests.Support;

/// <summary>The API alone with a free-tier general bucket of 3 requests refilled at one a second, so a test meets 429 quickly.</summary>
public sealed class TinyRateLimitFactory : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMl:RateLimits:Free:General:Burst", "3");
        builder.UseSetting("AutoMl:RateLimits:Free:General:PerSecond", "1");
    }

    public async Task<string> NewApiKeyAsync() => await CreateApiKeyAsync(await SignUpAsync());

    public AutoMlClient Client(string key, bool retries) => new(new AutoMlClientOptions
    {
        BaseAddress = Server.BaseAddress,
        ApiKey = key,
        Retry = { Enabled = retries, MaxRetryAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(5) },
    }, Server.CreateHandler());
}
