using System.Net;
using AutoMl.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from loopback and the configured proxy networks and
/// addresses; a client sending them directly changes nothing. The chain is walked from the right while each hop is a
/// trusted proxy, so what a client prepends to the header nginx extends is never read.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PlatformOptions>>((o, platform) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = null;
            var trusted = platform.Value.ForwardedHeaders;
            foreach (var network in List(trusted.KnownNetworks))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"AutoMl__ForwardedHeaders__KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 172.28.0.0/16)."));
            }
            foreach (var proxy in List(trusted.KnownProxies))
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var parsed) ? parsed
                    : throw new InvalidOperationException($"AutoMl__ForwardedHeaders__KnownProxies: '{proxy}' is not an IP address."));
            }
        });
        return services;
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
