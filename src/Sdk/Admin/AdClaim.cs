namespace AutoMl.Sdk;

/// <summary>A rewarded-ad claim, as the review queue shows it.</summary>
public sealed class AdClaim
{
    /// <summary>The claim's id.</summary>
    public Guid Id { get; init; }

    /// <summary>AdMob's transaction id.</summary>
    public string TransactionId { get; init; } = string.Empty;

    /// <summary>The account that watched the ad.</summary>
    public Guid UserId { get; init; }

    /// <summary>The ad unit.</summary>
    public string? AdUnit { get; init; }

    /// <summary>The device the app reported.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The address the app reported.</summary>
    public string? Ip { get; init; }

    /// <summary>Credits the claim is worth.</summary>
    public long Credits { get; init; }

    /// <summary>0 to 100; claims at or over the review threshold wait for an admin.</summary>
    public int RiskScore { get; init; }

    /// <summary>What raised the score, in words.</summary>
    public string RiskReasons { get; init; } = string.Empty;

    /// <summary>"held", "credited", "capped" or "rejected".</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>When the claim arrived.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an admin decided it.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>The admin's note.</summary>
    public string? ReviewNote { get; init; }
}
