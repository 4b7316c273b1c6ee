namespace AutoMl.Sdk;

/// <summary>One page of an account's credit ledger, newest first, with the account.</summary>
public sealed class AdminLedger
{
    /// <summary>The account.</summary>
    public AdminUser User { get; init; } = new();

    /// <summary>The entries of this page.</summary>
    public IReadOnlyList<CreditEntry> Items { get; init; } = [];

    /// <summary>Pass this as the cursor to get the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}
