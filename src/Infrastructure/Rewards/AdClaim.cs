namespace AutoMl.Infrastructure.Rewards;

public enum AdClaimStatus
{
    Credited = 0,

    /// <summary>Scored at or above the review threshold: waits for an admin to approve (credit) or reject it.</summary>
    Held = 1,

    /// <summary>Past the user's daily cap: recorded, never credited.</summary>
    Capped = 2,
    Rejected = 3,
}

/// <summary>A verified AdMob reward callback; its transaction id is unique, so a replay never credits twice.</summary>
public sealed class AdClaim
{
    public Guid Id { get; set; }
    public required string TransactionId { get; set; }
    public Guid UserId { get; set; }
    public string? AdUnit { get; set; }
    public string? DeviceId { get; set; }
    public string? Ip { get; set; }
    public long Credits { get; set; }
    public int RiskScore { get; set; }
    public string RiskReasons { get; set; } = "";
    public AdClaimStatus Status { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }
}

/// <summary>Claims counted against a user's daily cap; one conditional upsert keeps it exact under parallel claims.</summary>
public sealed class AdDailyCount
{
    public Guid UserId { get; set; }
    public DateOnly Day { get; set; }
    public int Claims { get; set; }
}
