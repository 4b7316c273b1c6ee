using System.Globalization;
using System.Security.Claims;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.RateLimiting;

/// <summary>
/// Limits every authenticated /api/v1 request (and any endpoint marked RateLimited) by the user's
/// bucket for the endpoint's route class; runs after authentication, so the user is known.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, UserRateLimits limits, UserTiers tiers, IOptions<RateLimitOptions> options)
{
    private readonly bool enabled = options.Value.Enabled;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var marked = endpoint?.Metadata.GetMetadata<RateLimitedMetadata>();
        var applies = enabled
            && context.User.Identity?.IsAuthenticated == true
            && endpoint?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null
            && (marked is not null || context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase));
        if (!applies || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var user))
        {
            await next(context);
            return;
        }
        var routeClass = marked?.RouteClass ?? RouteClass.General;
        var tier = await tiers.TierOfAsync(user, context.RequestAborted);
        var decision = await limits.TakeAsync(user, tier, routeClass);
        RateLimitHeaders.Write(context.Response, routeClass, decision);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        await WriteTooManyRequestsAsync(context, routeClass, tier, decision);
    }

    private static async Task WriteTooManyRequestsAsync(HttpContext context, RouteClass routeClass, Tier tier, RateLimitDecision decision)
    {
        var seconds = RateLimitHeaders.RetryAfterSeconds(decision);
        var limit = decision.Limit;
        var upgrade = tier == Tier.Enterprise ? "" : " For higher limits, upgrade your plan.";
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"You have used all {limit.Burst} {Describe(routeClass)} your {tier.ToString().ToLowerInvariant()} plan allows at once " +
            $"(refilled at {limit.PerSecond:0.##} per second). Wait {seconds} second{(seconds == 1 ? "" : "s")} before retrying.{upgrade}");
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = detail,
                Extensions = { ["routeClass"] = routeClass.Name(), ["retryAfterSeconds"] = seconds },
            },
        });
    }

    private static string Describe(RouteClass routeClass) => routeClass switch
    {
        RouteClass.General => "requests",
        RouteClass.JobSubmission => "job submissions",
        RouteClass.Prediction => "prediction requests",
        RouteClass.HubInvocation => "live-event calls",
    };
}
