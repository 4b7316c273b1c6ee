namespace AutoMl.Infrastructure.Accounts;

/// <summary>
/// A mailbox that has had its welcome bonus. Keyed by the hash of the normalised address and kept when the account is
/// deleted (no key to the user), so a deleted account's address signing up again, or a dot/+tag spelling of it, gets none.
/// </summary>
public sealed class SignupBonusGrant
{
    public required string AddressHash { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}
