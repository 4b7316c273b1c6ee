using AutoMl.Domain.Exports;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Exports;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Redis;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Accounts;

internal abstract record ExportRequestResult
{
    public sealed record Queued(DataExport Export) : ExportRequestResult;
    public sealed record AlreadyRunning(Guid ExportId) : ExportRequestResult;
    public sealed record TooMany(DateTimeOffset NextAt) : ExportRequestResult;
}

/// <summary>
/// Queues an export: one in progress per account (a partial unique index holds it, so two requests at once cannot both
/// start one) and <see cref="ExportRules.PerDay"/> in any 24 hours. The row and its audit record commit together; the
/// enqueue follows, and the export sweep enqueues it again if Redis loses it.
/// </summary>
internal sealed class ExportRequests(AutoMlDbContext db, AuditLog audit, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ExportRequests> logger)
{
    public async Task<ExportRequestResult> RunAsync(Guid user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await InProgressAsync(user, ct) is { } running)
        {
            return new ExportRequestResult.AlreadyRunning(running);
        }
        var recent = await db.DataExports.AsNoTracking().Where(e => e.UserId == user && e.CreatedAt > now - ExportRules.Window)
            .OrderBy(e => e.CreatedAt).Select(e => e.CreatedAt).ToListAsync(ct);
        if (recent.Count >= ExportRules.PerDay)
        {
            return new ExportRequestResult.TooMany(recent[^ExportRules.PerDay] + ExportRules.Window);
        }

        var export = new DataExport { Id = Guid.CreateVersion7(), UserId = user, Status = DataExportStatus.Queued, CreatedAt = now };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.DataExports.Add(export);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return new ExportRequestResult.AlreadyRunning(await InProgressAsync(user, CancellationToken.None) ?? Guid.Empty);
            }
            await audit.RecordAsync(AuditActions.DataExport, user, ct, targetType: "export", targetId: export.Id.ToString());
            await tx.CommitAsync(ct);
        }
        try
        {
            ExportEnqueuer.Enqueue(jobs, export.Id);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Export {ExportId} saved but not enqueued; the export sweep will enqueue it", export.Id);
        }
        return new ExportRequestResult.Queued(export);
    }

    private Task<Guid?> InProgressAsync(Guid user, CancellationToken ct) =>
        db.DataExports.AsNoTracking().Where(e => e.UserId == user && (e.Status == DataExportStatus.Queued || e.Status == DataExportStatus.Running))
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
}
