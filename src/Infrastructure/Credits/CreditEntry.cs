using AutoMl.Domain.Credits;

namespace AutoMl.Infrastructure.Credits;

/// <summary>An append-only ledger line; the idempotency key makes a replayed grant or payment a no-op.</summary>
public sealed class CreditEntry : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>Change to the balance; the entries of an account sum to its balance.</summary>
    public long Amount { get; set; }

    /// <summary>Change to the credits held for running jobs; the entries of an account sum to its held credits.</summary>
    public long HeldChange { get; set; }
    public CreditEntryKind Kind { get; set; }
    public required string Reference { get; set; }
    public required string IdempotencyKey { get; set; }
    public long BalanceAfter { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
