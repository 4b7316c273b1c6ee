using System.Diagnostics.Metrics;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>Counters under the "AutoMl.RateLimiting" meter, ready for an OpenTelemetry exporter.</summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "AutoMl.RateLimiting";

    private readonly Counter<long> rejections;
    private readonly Counter<long> inProcessDecisions;

    public RateLimitMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        rejections = meter.CreateCounter<long>("automl.rate_limit.rejections", "{request}", "Requests answered 429 by a rate limit.");
        inProcessDecisions = meter.CreateCounter<long>("automl.rate_limit.in_process_decisions", "{request}",
            "Requests limited in-process because Redis could not answer.");
    }

    public void Rejected(RouteClass routeClass, string tier) => Rejected(routeClass.Name(), tier);

    /// <summary>Tier is "anonymous" for the sign-in classes, which are limited per client and address, not per user.</summary>
    public void Rejected(string routeClass, string tier) =>
        rejections.Add(1, new KeyValuePair<string, object?>("route_class", routeClass), new KeyValuePair<string, object?>("tier", tier));

    public void DecidedInProcess() => inProcessDecisions.Add(1);
}
