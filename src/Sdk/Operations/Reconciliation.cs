namespace AutoMl.Sdk;

/// <summary>A run of the ledger reconciliation.</summary>
public sealed class Reconciliation
{
    /// <summary>When it ran.</summary>
    public DateTimeOffset RanAt { get; init; }

    /// <summary>Whether every balance and hold equalled the sum of its ledger entries.</summary>
    public bool Balanced { get; init; }

    /// <summary>The accounts that did not; empty when balanced.</summary>
    public IReadOnlyList<ReconciliationDrift> Drift { get; init; } = [];
}

/// <summary>An account whose balance or held credits differed from its ledger entries.</summary>
public sealed class ReconciliationDrift
{
    /// <summary>The account's id.</summary>
    public Guid UserId { get; init; }

    /// <summary>The balance on the account.</summary>
    public long Balance { get; init; }

    /// <summary>What its entries sum to.</summary>
    public long EntriesSum { get; init; }

    /// <summary>The held credits on the account.</summary>
    public long Held { get; init; }

    /// <summary>What its holds and releases sum to.</summary>
    public long HeldSum { get; init; }
}
