using System.Globalization;
using AutoMl.Infrastructure.RateLimiting;

namespace AutoMl.Api.RateLimiting;

/// <summary>RateLimit-Policy and RateLimit as the IETF httpapi draft writes them, e.g. "general";q=20;w=4 and "general";r=19;t=1.</summary>
internal static class RateLimitHeaders
{
    public static void Write(HttpResponse response, RouteClass routeClass, RateLimitDecision decision) =>
        Write(response, routeClass.Name(), decision);

    public static void Write(HttpResponse response, string policy, RateLimitDecision decision)
    {
        response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture,
            $"\"{policy}\";q={decision.Limit.Burst};w={decision.Limit.WindowSeconds}");
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture,
            $"\"{policy}\";r={Math.Max(0, decision.Remaining)};t={Seconds(decision.UntilFull)}");
        if (!decision.Allowed)
        {
            response.Headers.RetryAfter = RetryAfterSeconds(decision).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Whole seconds, rounded up and at least 1, so a client that waits this long finds a token.</summary>
    public static int RetryAfterSeconds(RateLimitDecision decision) => Math.Max(1, Seconds(decision.RetryAfter));

    /// <summary>Whole seconds, rounded up and at least 1.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, Seconds(wait));

    private static int Seconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);
}
