namespace AutoMl.Sdk;

/// <summary>An account as the admin console shows it.</summary>
public sealed class AdminUser
{
    /// <summary>The account's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The address it signs in with.</summary>
    public string Email { get; init; } = string.Empty;

    /// <summary>"free", "pro" or "enterprise".</summary>
    public string Tier { get; init; } = string.Empty;

    /// <summary>Credits on the account, held ones included.</summary>
    public long Balance { get; init; }

    /// <summary>Credits held for running jobs.</summary>
    public long Held { get; init; }

    /// <summary>Credits owed after a refund or dispute took back what was already spent.</summary>
    public long Owed { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the address was confirmed.</summary>
    public bool EmailConfirmed { get; init; }

    /// <summary>Whether the account holds the admin role.</summary>
    public bool IsAdmin { get; init; }

    /// <summary>The last successful password sign-in, when there was one.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>Set while the account is suspended.</summary>
    public AdminSuspension? Suspension { get; init; }

    /// <summary>How much the account holds.</summary>
    public AdminUserCounts Counts { get; init; } = new();
}

/// <summary>When, by whom and why an account was suspended.</summary>
public sealed class AdminSuspension
{
    /// <summary>When it was suspended.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The admin who suspended it.</summary>
    public Guid? By { get; init; }

    /// <summary>Why, as the admin wrote it.</summary>
    public string? Reason { get; init; }
}

/// <summary>What an account holds.</summary>
public sealed class AdminUserCounts
{
    /// <summary>Jobs, whatever their status.</summary>
    public int Jobs { get; init; }

    /// <summary>Data sets, each version counted.</summary>
    public int Datasets { get; init; }

    /// <summary>Trained models.</summary>
    public int Models { get; init; }

    /// <summary>API keys not revoked.</summary>
    public int ApiKeys { get; init; }
}
