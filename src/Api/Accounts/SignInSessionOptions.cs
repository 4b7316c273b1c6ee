namespace AutoMl.Api.Accounts;

/// <summary>The "AutoMl:Sessions" section: how cookie sessions are checked.</summary>
internal sealed class SignInSessionOptions
{
    public const string Section = "AutoMl:Sessions";

    /// <summary>How often a session cookie is checked against the user's security stamp (logout everywhere, deletion).</summary>
    public int RecheckSeconds { get; set; } = 60;

    /// <summary>Creating API keys, deleting the account and billing changes need a sign-in at most this long ago.</summary>
    public double RecentSignInMinutes { get; set; } = 10;
}
