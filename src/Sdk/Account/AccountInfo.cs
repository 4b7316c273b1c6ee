namespace AutoMl.Sdk;

/// <summary>The account as GET /api/v1/me describes it.</summary>
public sealed class AccountInfo
{
    /// <summary>The account's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The address it signs in with and gets mail at.</summary>
    public string Email { get; init; } = string.Empty;

    /// <summary>"free" or "pro".</summary>
    public string Tier { get; init; } = string.Empty;

    /// <summary>Whether the address was confirmed through its emailed link.</summary>
    public bool EmailVerified { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>"awaitingConfirmation", "granted" or "alreadyReceived".</summary>
    public string WelcomeBonus { get; init; } = string.Empty;

    /// <summary>Whether a long training job's outcome is mailed.</summary>
    public bool NotifyJobFinished { get; init; }

    /// <summary>Whether a charge that leaves the balance low is mailed.</summary>
    public bool NotifyLowBalance { get; init; }
}
