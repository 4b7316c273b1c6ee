using AutoMl.Api.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace AutoMl.Api.Security;

internal static class AntiforgerySetup
{
    public static IServiceCollection AddAutoMlAntiforgery(this IServiceCollection services)
    {
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryTokens.HeaderName;
            o.Cookie.Name = "automl.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddScoped<AntiforgeryTokens>();
        return services;
    }

    /// <summary>Unsafe requests made with the session cookie must carry the anti-forgery header.</summary>
    public static TBuilder RequireAntiforgeryForCookies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
            if (unsafeMethod && http.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type != ApiKeyAuthenticationHandler.SchemeName)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing anti-forgery token",
                        detail: $"Requests signed in with the session cookie must send the {AntiforgeryTokens.HeaderName} header with the value of the {AntiforgeryTokens.ReadableCookieName} cookie. Reload the page and try again.");
                }
            }
            return await next(ctx);
        });
}
