using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Admin;

/// <summary>
/// Session cookies checked against the security stamp only once an hour, as in production they are only every minute:
/// whatever ends a session at once must do so without the regular check (the other factories check on every request).
/// </summary>
public sealed class SlowSessionCheckFactory : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder) => builder.UseSetting("AutoMl:Sessions:RecheckSeconds", "3600");
}
