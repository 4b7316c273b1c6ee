namespace AutoMl.Sdk;

/// <summary>The account's credits.</summary>
public sealed class CreditBalance
{
    /// <summary>Credits owned.</summary>
    public long Balance { get; init; }

    /// <summary>Credits held by running jobs.</summary>
    public long Held { get; init; }

    /// <summary>Credits a new job can use: balance minus held.</summary>
    public long Available { get; init; }

    /// <summary>Credits owed after a refund or chargeback.</summary>
    public long Owed { get; init; }
}
