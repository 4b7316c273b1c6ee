using AutoMl.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.RateLimiting;

/// <summary>The sign-in endpoints' buckets (per client, per address) and the confirmation resend limits, in the shared limiter.</summary>
internal sealed class AuthRateLimits(UserRateLimits limits, RateLimitMetrics metrics, IOptions<RateLimitOptions> options)
{
    private const string Anonymous = "anonymous";
    private readonly RateLimitOptions settings = options.Value;

    /// <summary>Null when limits are off (load benchmarks).</summary>
    public async Task<RateLimitDecision?> TakeAsync(AuthRouteClass routeClass, string client, string? address)
    {
        if (!settings.Enabled)
        {
            return null;
        }
        var name = routeClass.Name();
        var classLimits = settings.Auth.For(routeClass);
        var buckets = new List<NamedBucket> { new($"{limits.Prefix}auth:{name}:client:{client}", classLimits.PerClient.ToBucket()) };
        if (address is not null)
        {
            buckets.Add(new($"{limits.Prefix}auth:{name}:address:{EmailAddressKey.Hash(address)}", classLimits.PerAddress.ToBucket()));
        }
        var decision = await limits.TakeAsync(buckets);
        if (!decision.Allowed)
        {
            metrics.Rejected(name, Anonymous);
        }
        return decision;
    }

    /// <summary>One resend per MinIntervalSeconds and PerDay a day to an address; null when limits are off.</summary>
    public async Task<RateLimitDecision?> TakeResendAsync(string address)
    {
        var resends = settings.ConfirmationResends;
        if (!settings.Enabled)
        {
            return null;
        }
        var hash = EmailAddressKey.Hash(address);
        var buckets = new List<NamedBucket>
        {
            new($"{limits.Prefix}resend:day:{hash}", new BucketLimit(Math.Max(1, resends.PerDay) / 86400.0, Math.Max(1, resends.PerDay))),
        };
        if (resends.MinIntervalSeconds > 0)
        {
            buckets.Add(new($"{limits.Prefix}resend:interval:{hash}", new BucketLimit(1 / resends.MinIntervalSeconds, 1)));
        }
        var decision = await limits.TakeAsync(buckets);
        if (!decision.Allowed)
        {
            metrics.Rejected("confirmation-resend", Anonymous);
        }
        return decision;
    }
}
