namespace AutoMl.Sdk;

/// <summary>An export of everything your account owns, as GET /api/v1/me/exports/{id} describes it.</summary>
public sealed class DataExport
{
    /// <summary>The export's id.</summary>
    public Guid Id { get; init; }

    /// <summary>"queued", "running", "ready" (download it), "failed" (request another) or "expired" (the zip is deleted).</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>When it was requested.</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>When a worker started writing it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it was ready (or failed).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the zip is deleted and its link stops working: 24 hours after it was ready.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The zip's size in bytes, once ready.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>Why it failed, in a sentence.</summary>
    public string? Error { get; init; }

    /// <summary>While ready: the zip's link, relative to the API's address, usable without a key until <see cref="ExpiresAt"/>.</summary>
    public string? DownloadUrl { get; init; }

    /// <summary>Whether it has ended: ready, failed or expired.</summary>
    public bool IsFinished => Status is "ready" or "failed" or "expired";
}
