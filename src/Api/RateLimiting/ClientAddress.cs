using System.Net;
using System.Net.Sockets;

namespace AutoMl.Api.RateLimiting;

/// <summary>
/// The client as the sign-in limits see it: the connection's remote address (made trustworthy behind a
/// proxy by the forwarded-headers middleware). An IPv6 client is its /64, since one host is usually
/// given a whole /64 and could otherwise take a fresh address for every request.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}
