namespace AutoMl.Domain.Accounts;

/// <summary>What a person agrees to when they sign up, and the age they must confirm (GDPR Art. 8 lets member states set 13 to 16; 16 holds everywhere).</summary>
public static class Consent
{
    /// <summary>
    /// The version of the terms of service and the data-processing notice that sign-up accepts. Change it when either
    /// text changes: every account records the version it accepted.
    /// </summary>
    public const string TermsVersion = "2026-12-04";

    public const int MinimumAge = 16;
}
