namespace AutoMl.Sdk;

/// <summary>
/// What a key may do, each scope including the one before it. No key, whatever its scope, manages keys, the
/// account or billing: that takes a signed-in session on the dashboard.
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>Reads only: lists, details, downloads, quotes and live events.</summary>
    public const string Read = "read";

    /// <summary>Read, plus what spends credits: uploads, training jobs, predictions. The default.</summary>
    public const string Train = "train";

    /// <summary>Train, plus deleting and renaming data sets and models.</summary>
    public const string Full = "full";

    /// <summary>Full, plus the admin console (<see cref="AdminClient"/>). Only an admin creates one; it acts as an admin only while its owner is one.</summary>
    public const string Admin = "admin";

    /// <summary>In <see cref="AutoMlApiException.RequiredScope"/>: no key may do this, only a signed-in session.</summary>
    public const string Session = "session";
}
