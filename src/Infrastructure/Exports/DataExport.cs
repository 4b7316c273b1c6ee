namespace AutoMl.Infrastructure.Exports;

public enum DataExportStatus
{
    Queued,
    Running,
    Ready,
    Failed,

    /// <summary>Past its 24 hours: the zip is deleted, the row stays so the account sees what happened.</summary>
    Expired,
}

/// <summary>A zip of everything an account owns, written by a worker to the blob store and downloadable for 24 hours.</summary>
public sealed class DataExport : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DataExportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When the zip is deleted and its link stops working: 24 hours after it was ready.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public long? SizeBytes { get; set; }
    public string? BlobKey { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }

    /// <summary>Until when the worker that claimed it owns it; a lapsed lease lets the sweep hand it to another.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
