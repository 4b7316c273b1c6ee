using AutoMl.Infrastructure.RateLimiting;

namespace AutoMl.Api.RateLimiting;

/// <summary>Names the bucket an endpoint or group draws from; the one nearest the endpoint wins.</summary>
public sealed record RateLimitedMetadata(RouteClass RouteClass);

public static class RateLimitedExtensions
{
    /// <summary>
    /// Every authenticated /api/v1 request is limited in the general class already; this moves an endpoint
    /// to another class (e.g. job submission) or limits one outside /api/v1.
    /// </summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, RouteClass routeClass = RouteClass.General)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedMetadata(routeClass));
}
