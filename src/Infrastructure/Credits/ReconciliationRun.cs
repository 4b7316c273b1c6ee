namespace AutoMl.Infrastructure.Credits;

/// <summary>One run of the ledger reconciliation: when it ran and the accounts it found drifting (none when balanced).</summary>
public sealed class ReconciliationRun
{
    public Guid Id { get; set; }
    public DateTimeOffset RanAt { get; set; }
    public bool Balanced { get; set; }
    public List<ReconciliationDrift> Drift { get; set; } = [];
}

/// <summary>A drifting account as a run found it.</summary>
public sealed class ReconciliationDrift
{
    public Guid RunId { get; set; }
    public Guid UserId { get; set; }
    public long Balance { get; set; }
    public long EntriesSum { get; set; }
    public long Held { get; set; }
    public long HeldSum { get; set; }
}
