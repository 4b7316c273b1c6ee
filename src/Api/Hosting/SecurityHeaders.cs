using Scalar.AspNetCore;

namespace AutoMl.Api.Hosting;

/// <summary>
/// Headers on every answer, the dashboard's and the API's alike: the Content-Security-Policy is the second line
/// behind the dashboard's escaping of user strings (labels, column and file names), so an injected string that
/// slips through still runs no script.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The dashboard (Vite output: external module scripts only, no eval) and every API answer. Inline styles stay
    /// allowed because ECharts and React set style attributes; a style cannot run script. connect-src 'self' covers
    /// the SignalR WebSocket on the same origin.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scalar's API reference (/scalar) starts itself with an inline script, allowed by the nonce Scalar puts on it
    /// for this one answer, and loads its fonts from its CDN; it shows no user data.
    /// </summary>
    public static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline' https:; " +
        "img-src 'self' data: blob: https:; font-src 'self' data: https:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Outermost, and set as the answer starts: the exception handler clears headers set earlier.</summary>
    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
                    ? ApiReferencePolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string)
                    : Policy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
