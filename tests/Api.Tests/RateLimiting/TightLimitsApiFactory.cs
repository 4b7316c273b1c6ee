using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.RateLimiting;

/// <summary>The API with a free general bucket of 3 that refills slowly, so a test reaches the limit in a few calls.</summary>
public sealed class TightLimitsApiFactory : ApiFactory
{
    public const int Burst = 3;

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMl:RateLimits:Free:General:Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AutoMl:RateLimits:Free:General:PerSecond", "0.1");
        // The Redis bucket is under test, not the in-process fallback a slow test machine could trip into.
        builder.UseSetting("AutoMl:RateLimits:RedisTimeoutMilliseconds", "5000");
    }
}
