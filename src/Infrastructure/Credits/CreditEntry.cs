using AutoMl.Domain.Credits;

namespace AutoMl.Infrastructure.Credits;

/// <summary>An append-only ledger line; the idempotency key makes a replayed grant or payment a no-op.</summary>
public sealed class CreditEntry
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public long Amount { get; set; }
    public CreditEntryKind Kind { get; set; }
    public required string Reference { get; set; }
    public required string IdempotencyKey { get; set; }
    public long BalanceAfter { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
