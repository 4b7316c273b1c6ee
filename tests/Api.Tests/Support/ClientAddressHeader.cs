using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Support;

/// <summary>
/// Lets a test speak from any client address: the test server has no network, so a request's
/// X-Test-Client-Address header becomes its connection's remote address, before anything else runs.
/// Only factories that test per-client limits add it.
/// </summary>
public sealed class ClientAddressHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return following(context);
        });
        next(app);
    };

    /// <summary>A client address no other test uses.</summary>
    public static string NewAddress() =>
        $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";
}
