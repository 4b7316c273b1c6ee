using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>
/// Actions that would let a stolen session or API key take over or drain an account (new API keys, account
/// deletion, billing) need the cookie session of a sign-in in the last few minutes: the password again.
/// The sign-in time is the session cookie's auth_time claim, kept when the cookie is refreshed.
/// </summary>
public static class RecentSignIn
{
    public const string AuthTimeClaim = "auth_time";

    /// <summary>The problem type the dashboard reacts to by sending the user to sign in and back.</summary>
    public const string ProblemType = "urn:automl:problem:sign-in-again";

    public static TBuilder RequireRecentSignIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (http.User.Identity is not { IsAuthenticated: true } identity)
            {
                return await next(ctx);
            }
            if (identity.AuthenticationType != IdentityConstants.ApplicationScheme)
            {
                return SignInAgain("An API key cannot do this: sign in to the dashboard and do it there.");
            }
            var window = TimeSpan.FromMinutes(http.RequestServices.GetRequiredService<IOptions<SignInSessionOptions>>().Value.RecentSignInMinutes);
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var signedInAt = SignedInAt(http.User);
            if (signedInAt is null || now - signedInAt > window)
            {
                return SignInAgain(string.Create(CultureInfo.InvariantCulture,
                    $"Sign in again: this needs a sign-in in the last {window.TotalMinutes:0.#} minutes. Your session is still open; enter your password to continue."));
            }
            return await next(ctx);
        });

    public static Claim Claim(DateTimeOffset now) =>
        new(AuthTimeClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>The security stamp check rebuilds the principal from the database; the sign-in time must survive it.</summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        var signedIn = context.CurrentPrincipal?.FindFirst(AuthTimeClaim);
        if (signedIn is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == AuthTimeClaim))
        {
            identity.AddClaim(new Claim(AuthTimeClaim, signedIn.Value, ClaimValueTypes.Integer64));
        }
        return Task.CompletedTask;
    }

    private static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AuthTimeClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult SignInAgain(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Sign in again", type: ProblemType);
}
