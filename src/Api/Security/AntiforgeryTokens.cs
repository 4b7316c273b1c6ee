using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace AutoMl.Api.Security;

/// <summary>
/// Double-submit anti-forgery for cookie sessions: the dashboard reads the XSRF-TOKEN cookie and echoes
/// it in the X-XSRF-TOKEN header on unsafe requests. API keys are not sent by browsers on their own,
/// so bearer requests need no token.
/// </summary>
internal sealed class AntiforgeryTokens(IAntiforgery antiforgery, Microsoft.Extensions.Options.IOptions<AntiforgeryOptions> options)
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string ReadableCookieName = "XSRF-TOKEN";

    public void Issue(HttpContext http, ClaimsPrincipal user)
    {
        // The token is bound to the user it is issued for; after sign-in that is the new principal, not the anonymous caller.
        var previous = http.User;
        http.User = user;
        try
        {
            var set = antiforgery.GetAndStoreTokens(http);
            http.Response.Cookies.Append(ReadableCookieName, set.RequestToken!, new CookieOptions
            {
                HttpOnly = false,
                SameSite = SameSiteMode.Strict,
                Secure = options.Value.IsSecure(http.Request),
                Path = "/",
            });
        }
        finally
        {
            http.User = previous;
        }
    }
}
