using AutoMl.Api.Tests.Payments;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Rewards;

/// <summary>
/// The payments API behind a trusted proxy network (10.20.0.0/16), with a clock a test can pin and a sending-address
/// velocity of one callback per hour, so which address the API saw shows in the claims' risk.
/// </summary>
public sealed class AdMobEdgeFactory : PaymentsFactory
{
    public const string TrustedNetwork = "10.20.0.0/16";

    public MovableClock Clock { get; } = new();

    protected override IEnumerable<(string Key, string Value)> Settings() =>
    [
        .. base.Settings(),
        ("AutoMl:ForwardedHeaders:KnownNetworks", $"{TrustedNetwork}, 10.30.0.0/16"),
        ("AdMob:SourcePerHour", "1"),
        ("AdMob:ReviewThreshold", "20"),
    ];

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        base.ConfigurePlatform(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The payments API with no ad unit configured (AdMob__AdUnits unset).</summary>
public sealed class NoAdUnitsFactory : PaymentsFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings() => base.Settings().Where(s => s.Key != "AdMob:AdUnits");
}
