using System.ComponentModel;
using AutoMl.Infrastructure.Exports;

namespace AutoMl.Api.Accounts;

/// <param name="Status">queued, running, ready (download it), failed (request another) or expired (the zip is deleted).</param>
/// <param name="ExpiresAt">When the zip is deleted and its link stops working: 24 hours after it was ready.</param>
/// <param name="DownloadUrl">While ready: the zip's link, relative to the API's address, usable without a session until expiresAt (the same kind of link the mail carries).</param>
public sealed record ExportView(
    Guid Id,
    [property: Description("queued, running, ready, failed or expired.")] string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ExpiresAt,
    long? SizeBytes,
    string? Error,
    string? DownloadUrl)
{
    public static ExportView Of(DataExport e, ExportLinks links, DateTimeOffset now) => new(
        e.Id,
        e.Status switch
        {
            DataExportStatus.Queued => "queued",
            DataExportStatus.Running => "running",
            DataExportStatus.Ready => e.ExpiresAt <= now ? "expired" : "ready",
            DataExportStatus.Failed => "failed",
            DataExportStatus.Expired => "expired",
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Status, "Unknown export status."),
        },
        e.CreatedAt,
        e.StartedAt,
        e.FinishedAt,
        e.ExpiresAt,
        e.SizeBytes,
        e.Error,
        e is { Status: DataExportStatus.Ready, ExpiresAt: { } until } && until > now ? links.RelativeLink(e.Id, until) : null);
}
