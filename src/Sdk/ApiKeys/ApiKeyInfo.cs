namespace AutoMl.Sdk;

/// <summary>The API key a client uses, as the API describes it: never the secret itself.</summary>
public sealed class ApiKeyInfo
{
    /// <summary>The key's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The name it was given when created, e.g. "CI pipeline".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The key's first characters, as the dashboard lists them.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>What the key may do: one of <see cref="ApiKeyScopes"/>.</summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last used, to the minute; null if never before this request.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}
