namespace AutoMl.Sdk;

/// <summary>An account's API key as an admin sees it, revoked ones included.</summary>
public sealed class AdminApiKey
{
    /// <summary>The key's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Its name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Its first characters, as shown on the dashboard.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>What it may do: one of <see cref="ApiKeyScopes"/>.</summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last used (to the minute), if ever.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
