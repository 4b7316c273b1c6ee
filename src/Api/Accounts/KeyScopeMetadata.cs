using AutoMl.Domain.Accounts;

namespace AutoMl.Api.Accounts;

/// <summary>
/// The scope an API key needs for an endpoint, by whether the request is safe (GET, HEAD) or not; null
/// means no key may call it at all. The one nearest the endpoint wins, so a group states the rule and
/// an endpoint the exception. An endpoint with none is closed to keys: a new route fails closed.
/// </summary>
public sealed record KeyScopeMetadata(ApiKeyScope? Safe, ApiKeyScope? Unsafe)
{
    public ApiKeyScope? For(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? Safe : Unsafe;
}

public static class KeyScopeExtensions
{
    /// <summary>Keys with <paramref name="safe"/> may read; changes need <paramref name="unsafeMethods"/>.</summary>
    public static TBuilder KeysNeed<TBuilder>(this TBuilder builder, ApiKeyScope safe, ApiKeyScope unsafeMethods)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new KeyScopeMetadata(safe, unsafeMethods));

    /// <summary>Keys need <paramref name="scope"/> whatever the method (e.g. a quote is a POST that spends nothing).</summary>
    public static TBuilder KeysNeed<TBuilder>(this TBuilder builder, ApiKeyScope scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new KeyScopeMetadata(scope, scope));

    /// <summary>Keys with <paramref name="safe"/> may read; only a signed-in session may change anything here.</summary>
    public static TBuilder KeysOnlyRead<TBuilder>(this TBuilder builder, ApiKeyScope safe = ApiKeyScope.Read)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new KeyScopeMetadata(safe, null));

    /// <summary>Only a signed-in session may call this: keys of every scope get a 403.</summary>
    public static TBuilder NotForKeys<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new KeyScopeMetadata(null, null));
}
