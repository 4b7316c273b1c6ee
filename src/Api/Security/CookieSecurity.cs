using AutoMl.Api.Errors;
using AutoMl.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Security;

/// <summary>
/// Outside Development the session and anti-forgery cookies are always Secure: behind a TLS proxy the API may be
/// reached over plain HTTP, and a cookie marked by the request's scheme would then travel in clear to the browser.
/// Development (and the tests) keep SameAsRequest, as does AutoMl__InsecureCookies for the local plain-HTTP scripts.
/// </summary>
internal static class CookieSecurity
{
    public static IServiceCollection AddCookieSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecureAuthenticationCookies>();
        services.AddOptions<AntiforgeryOptions>()
            .PostConfigure<IHostEnvironment, IOptions<PlatformOptions>>((o, env, platform) => o.Cookie.SecurePolicy = Policy(env, platform.Value));
        return services;
    }

    /// <summary>
    /// With Secure cookies, signing in over plain HTTP cannot work (the anti-forgery system refuses to issue its cookie
    /// and the browser would not send the session back): such a request is refused before it changes anything, with a
    /// log line for the operator, instead of half-applying a sign-up and failing with a 500.
    /// </summary>
    public static void UseCookieSecurity(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CookieSecurity));
        if (Policy(app.Environment, app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value) != CookieSecurePolicy.Always)
        {
            if (!app.Environment.IsDevelopment())
            {
                logger.LogWarning("AutoMl__InsecureCookies is set: session and anti-forgery cookies go without Secure over plain HTTP. Only for a local plain-HTTP install");
            }
            return;
        }
        app.Use(async (http, next) =>
        {
            if (!http.Request.IsHttps && http.Request.Path.StartsWithSegments("/api/v1/auth", StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("Sign-in request over plain HTTP refused: behind a TLS proxy, list its network in "
                    + "AutoMl__ForwardedHeaders__KnownNetworks so its X-Forwarded-Proto is believed; a local plain-HTTP install sets AutoMl__InsecureCookies=true");
                await ProblemResults.BadRequest("Signing in needs a secure connection: open this site with https://.").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
    }

    public static CookieSecurePolicy Policy(IHostEnvironment env, PlatformOptions platform) =>
        env.IsDevelopment() || platform.InsecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>Whether a cookie written by hand (the readable XSRF-TOKEN) is Secure on this request, by the same policy.</summary>
    public static bool IsSecure(this AntiforgeryOptions options, HttpRequest request) =>
        options.Cookie.SecurePolicy == CookieSecurePolicy.Always || request.IsHttps;
}

/// <summary>Every cookie scheme (Identity's application cookie and its others), whatever name it is configured under.</summary>
internal sealed class SecureAuthenticationCookies(IHostEnvironment env, IOptions<PlatformOptions> platform) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options) =>
        options.Cookie.SecurePolicy = CookieSecurity.Policy(env, platform.Value);
}
