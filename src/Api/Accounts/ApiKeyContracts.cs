using System.ComponentModel.DataAnnotations;

namespace AutoMl.Api.Accounts;

/// <param name="Name">What the key is for, shown in the list.</param>
/// <param name="Scope">"read", "train" (the default: what a CI pipeline needs) or "full" (also deletes and renames).</param>
public sealed record CreateApiKeyRequest(
    [property: Required(ErrorMessage = "Give the key a name, like 'CI pipeline'.")]
    [property: StringLength(100, MinimumLength = 1, ErrorMessage = "A key name has 1 to 100 characters.")]
    string Name,
    string? Scope = null);

/// <summary>The only answer that ever carries the whole key.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Key, string Prefix, string Scope, DateTimeOffset CreatedAt);

public sealed record ApiKeyView(Guid Id, string Name, string Prefix, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
