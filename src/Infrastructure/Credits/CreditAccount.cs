namespace AutoMl.Infrastructure.Credits;

/// <summary>A user's credit position. Balance always equals the sum of the account's entries.</summary>
public sealed class CreditAccount
{
    public Guid UserId { get; set; }
    public long Balance { get; set; }
    public long Held { get; set; }
    public long Owed { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
