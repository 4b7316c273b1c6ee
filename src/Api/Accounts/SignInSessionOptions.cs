namespace AutoMl.Api.Accounts;

/// <summary>The "AutoMl:Sessions" section: how cookie sessions are checked.</summary>
internal sealed class SignInSessionOptions
{
    public const string Section = "AutoMl:Sessions";

    /// <summary>How often a session cookie is checked against the user's security stamp (logout everywhere, deletion).</summary>
    public int RecheckSeconds { get; set; } = 60;

    /// <summary>
    /// How long an instance believes an API key it found valid without asking Postgres again (0: ask on every request).
    /// Revocation, suspension and deletion reach every instance at once over Redis; this bounds only a lost announcement.
    /// </summary>
    public int ApiKeyCacheSeconds { get; set; } = 60;

    /// <summary>Creating API keys, deleting the account and billing changes need a sign-in at most this long ago.</summary>
    public double RecentSignInMinutes { get; set; } = 10;
}
