namespace AutoMl.Infrastructure.Credits;

public enum LedgerOutcome
{
    Applied = 0,

    /// <summary>The idempotency key was used before: nothing changed, the first application stands.</summary>
    Duplicate = 1,

    /// <summary>Available credits (balance − held) do not cover the amount, or credits are owed.</summary>
    Insufficient = 2,

    NoAccount = 3,
}

/// <summary>
/// The account after the operation (or as found, when nothing was applied). Owed counts credits a
/// clawback could not take because the balance would have gone below zero.
/// </summary>
public sealed record LedgerResult(LedgerOutcome Outcome, long Balance, long Held, long Owed)
{
    public bool Applied => Outcome == LedgerOutcome.Applied;
}
