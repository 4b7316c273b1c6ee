using System.Globalization;
using AutoMl.Api.Errors;
using AutoMl.Infrastructure.RateLimiting;

namespace AutoMl.Api.RateLimiting;

/// <summary>
/// Puts an anonymous endpoint (sign-up, sign-in, password reset…) under its class's buckets: one per
/// client address and, when the request names an email address, one per address. A refusal is a 429
/// problem with Retry-After; it reads the same whether or not the address has an account.
/// </summary>
public static class AuthRateLimitedExtensions
{
    /// <summary>Per client address only: for requests that name no email address.</summary>
    public static RouteHandlerBuilder AuthRateLimited(this RouteHandlerBuilder builder, AuthRouteClass routeClass) =>
        builder.AddEndpointFilter(async (ctx, next) =>
            await RefuseAsync(ctx.HttpContext, routeClass, null) ?? await next(ctx));

    /// <summary>
    /// Per client and per the address <paramref name="address"/> reads from the request body.
    /// <paramref name="knownDevice"/> names a device the address's owner signed in on before: it is then the
    /// client (instead of its network address) and is exempt from the per-address bucket, so strangers
    /// using up the address's or the network's buckets do not keep the owner's own browser out.
    /// </summary>
    public static RouteHandlerBuilder AuthRateLimited<TRequest>(this RouteHandlerBuilder builder, AuthRouteClass routeClass,
        Func<TRequest, string?> address, Func<HttpContext, string, string?>? knownDevice = null) =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var request = ctx.Arguments.OfType<TRequest>().FirstOrDefault();
            var normalised = request is null ? null : EmailAddressKey.Normalise(address(request));
            if (normalised is not null && knownDevice?.Invoke(http, normalised) is { } device)
            {
                return await RefuseAsync(http, routeClass, "device:" + device, null) ?? await next(ctx);
            }
            return await RefuseAsync(http, routeClass, ClientAddress.Of(http), normalised) ?? await next(ctx);
        });

    private static Task<IResult?> RefuseAsync(HttpContext http, AuthRouteClass routeClass, string? address) =>
        RefuseAsync(http, routeClass, ClientAddress.Of(http), address);

    private static async Task<IResult?> RefuseAsync(HttpContext http, AuthRouteClass routeClass, string client, string? address)
    {
        var limits = http.RequestServices.GetRequiredService<AuthRateLimits>();
        var decision = await limits.TakeAsync(routeClass, client, address);
        if (decision is null)
        {
            return null;
        }
        RateLimitHeaders.Write(http.Response, routeClass.Name(), decision);
        if (decision.Allowed)
        {
            return null;
        }
        var seconds = RateLimitHeaders.RetryAfterSeconds(decision);
        return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
            string.Create(CultureInfo.InvariantCulture,
                $"Too many {Describe(routeClass)} from your network or for this email address. Wait {seconds} second{(seconds == 1 ? "" : "s")} before retrying."),
            new Dictionary<string, object?> { ["routeClass"] = routeClass.Name(), ["retryAfterSeconds"] = seconds });
    }

    private static string Describe(AuthRouteClass routeClass) => routeClass switch
    {
        AuthRouteClass.SignUp => "sign-ups",
        AuthRouteClass.Login => "sign-in attempts",
        AuthRouteClass.ConfirmEmail => "email confirmations",
        AuthRouteClass.ResendConfirmation => "confirmation email requests",
        AuthRouteClass.PasswordReset => "password reset requests",
    };
}
