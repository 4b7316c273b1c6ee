using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AutoMl.Domain.Accounts;

namespace AutoMl.Api.Accounts;

public sealed record CreateApiKeyRequest(
    [property: Required(ErrorMessage = "Give the key a name, like 'CI pipeline'.")]
    [property: StringLength(100, MinimumLength = 1, ErrorMessage = "A key name has 1 to 100 characters.")]
    string Name,
    [property: Description(ScopeDoc.Text)]
    string? Scope = null);

internal static class ScopeDoc
{
    public const string Text = "What the key may do: 'read' (reads, quotes and live events only; spends no credits), 'train' (the default: " +
        "also uploads, training jobs and predictions, what a CI pipeline needs) or 'full' (also deletes and renames data sets and models). " +
        "'admin' (full, plus the admin console; only admins create it, and it acts as an admin only while its owner is one). " +
        "No key, whatever its scope, may manage API keys, the account, billing or sign-in sessions.";
}

/// <summary>The only answer that ever carries the whole key.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Key, string Prefix, [property: Description(ScopeDoc.Text)] ApiKeyScope Scope, DateTimeOffset CreatedAt);

public sealed record ApiKeyView(
    Guid Id, string Name, string Prefix, [property: Description(ScopeDoc.Text)] ApiKeyScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
