namespace AutoMl.Sdk;

/// <summary>The account's storage against its tier's quota, and how long unused data sets are kept.</summary>
public sealed class StorageUsage
{
    /// <summary>The account's tier (free, pro or enterprise), whose limits these are.</summary>
    public string Tier { get; init; } = string.Empty;

    /// <summary>Bytes of stored data sets.</summary>
    public long UsedBytes { get; init; }

    /// <summary>Bytes held by uploads in progress.</summary>
    public long ReservedBytes { get; init; }

    /// <summary>All the tier may store.</summary>
    public long QuotaBytes { get; init; }

    /// <summary>What is left of the quota.</summary>
    public long AvailableBytes { get; init; }

    /// <summary>The largest single file the tier takes.</summary>
    public long MaxUploadBytes { get; init; }

    /// <summary>Data sets unused this many days are deleted (with an email a week before).</summary>
    public int RetentionDays { get; init; }
}
