using System.Globalization;
using System.Security.Claims;
using AutoMl.Api.RateLimiting;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Events;

/// <summary>
/// The REST routes' per-user token bucket for the hub: every connection and every call takes a token
/// from the user's hub-invocation bucket (Redis, or in-process when Redis is away), whatever the
/// connection, so reconnecting does not refill it.
/// </summary>
internal sealed class HubInvocationLimit(UserRateLimits limits, UserTiers tiers, IOptions<RateLimitOptions> options) : IHubFilter
{
    private readonly bool enabled = options.Value.Enabled;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        await TakeAsync(invocationContext.Context);
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await TakeAsync(context.Context);
        await next(context);
    }

    private async Task TakeAsync(HubCallerContext caller)
    {
        if (!enabled || !Guid.TryParse(caller.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var user))
        {
            return;
        }
        var tier = await tiers.TierOfAsync(user, caller.ConnectionAborted);
        var decision = await limits.TakeAsync(user, tier, RouteClass.HubInvocation);
        if (!decision.Allowed)
        {
            var seconds = RateLimitHeaders.RetryAfterSeconds(decision);
            throw new HubException(string.Create(CultureInfo.InvariantCulture,
                $"Too many live-event calls: slow down. Your plan allows {decision.Limit.Burst} at once, refilled at " +
                $"{decision.Limit.PerSecond:0.##} per second; wait {seconds} second{(seconds == 1 ? "" : "s")} before the next one."));
        }
    }
}
