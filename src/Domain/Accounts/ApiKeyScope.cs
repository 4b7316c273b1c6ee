namespace AutoMl.Domain.Accounts;

/// <summary>
/// What an API key may do, each scope including the ones before it. No scope lets a key manage keys,
/// the account or billing: a leaked CI key must not be able to lock its owner out or spend their money.
/// </summary>
public enum ApiKeyScope
{
    /// <summary>Reads only: lists, details, downloads, quotes, live events. Spends no credits.</summary>
    Read = 0,

    /// <summary>Read, plus everything a CI pipeline does that spends credits: uploads, jobs, predictions.</summary>
    Train = 1,

    /// <summary>Train, plus deleting and renaming data sets and models.</summary>
    Full = 2,

    /// <summary>
    /// Full, plus the admin console's REST (for the SDK's AdminClient and `automl admin`). Only an admin creates one, and
    /// it acts as an admin only while its owner holds the admin role; any other key is never an admin, whoever owns it.
    /// </summary>
    Admin = 3,
}

public static class ApiKeyScopes
{
    public const ApiKeyScope Default = ApiKeyScope.Train;

    public static IReadOnlyList<string> Names { get; } = ["read", "train", "full", "admin"];

    /// <summary>The scope's name in requests, answers and the database: lower case.</summary>
    public static string Name(this ApiKeyScope scope) => scope switch
    {
        ApiKeyScope.Read => "read",
        ApiKeyScope.Train => "train",
        ApiKeyScope.Full => "full",
        ApiKeyScope.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown API key scope."),
    };

    /// <summary>Exact lower-case names only, so "Full " or "Admin" is refused rather than guessed at.</summary>
    public static bool TryParse(string? name, out ApiKeyScope scope)
    {
        switch (name)
        {
            case "read":
                scope = ApiKeyScope.Read;
                return true;
            case "train":
                scope = ApiKeyScope.Train;
                return true;
            case "full":
                scope = ApiKeyScope.Full;
                return true;
            case "admin":
                scope = ApiKeyScope.Admin;
                return true;
            default:
                scope = Default;
                return false;
        }
    }

    /// <summary>A stored name; anything unknown reads as the narrowest scope rather than failing open.</summary>
    public static ApiKeyScope Parse(string? name) => TryParse(name, out var scope) ? scope : ApiKeyScope.Read;

    /// <summary>Whether a key of this scope may do what <paramref name="required"/> allows.</summary>
    public static bool Covers(this ApiKeyScope scope, ApiKeyScope required) => scope >= required;
}
