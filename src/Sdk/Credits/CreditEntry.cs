namespace AutoMl.Sdk;

/// <summary>A line of the credit ledger.</summary>
public sealed class CreditEntry
{
    /// <summary>The entry's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Credits added (positive) or taken (negative).</summary>
    public long Amount { get; init; }

    /// <summary>What kind of entry it is, e.g. signupBonus, purchase, charge.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>What it refers to, in words.</summary>
    public string Reference { get; init; } = string.Empty;

    /// <summary>The balance after this entry.</summary>
    public long BalanceAfter { get; init; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
