using System.Text;
using AutoMl.Domain.Exports;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Exports;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Workers.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Exports;

/// <summary>
/// Writes an export's zip to a temporary file (streamed, see <see cref="ExportArchive"/>), stores it in the blob store,
/// and in one save marks the export ready and queues the mail with its download link. A lease taken by a conditional
/// update makes a duplicate delivery a no-op; a lapsed lease lets the sweep hand it to another worker.
/// </summary>
internal sealed class ExportJob(
    AutoMlDbContext db, ExportContents contents, IBlobStore blobs, EmailTemplates mails, ExportLinks links,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExportJob> logger) : IExportJob
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task RunAsync(Guid exportId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.DataExports
            .Where(e => e.Id == exportId && (e.Status == DataExportStatus.Queued || (e.Status == DataExportStatus.Running && e.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DataExportStatus.Running).SetProperty(e => e.StartedAt, now)
                .SetProperty(e => e.LeaseUntil, now + Lease).SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            logger.LogInformation("Export {ExportId} is not waiting (done, gone or leased); nothing to do", exportId);
            return;
        }
        var export = await db.DataExports.SingleAsync(e => e.Id == exportId, cancellationToken);
        if (export.Attempts > IExportJob.MaxAttempts)
        {
            await FailAsync(export, cancellationToken);
            return;
        }
        var file = Path.Combine(Path.GetTempPath(), $"automl-export-{exportId:N}.zip");
        var watch = LeaseWatch.Start(scopes, clock, new LeaseTerms(Lease, (leaseDb, until, ct) =>
            leaseDb.Database.ExecuteSqlAsync($"UPDATE data_exports SET lease_until = {until} WHERE id = {exportId} AND status = 'Running'", ct)));
        try
        {
            await WriteAsync(file, export.UserId, now, cancellationToken);
            var key = BlobKeys.Export(export.UserId, export.Id);
            await blobs.PutFileAsync(key, file, cancellationToken);
            await FinishAsync(export, key, new FileInfo(file).Length, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && export.Attempts >= IExportJob.MaxAttempts)
        {
            logger.LogError(e, "Export {ExportId} failed on its last attempt", exportId);
            await FailAsync(export, CancellationToken.None);
        }
        catch
        {
            // Back to the queue at once, so Hangfire's retry (or the sweep) can take it again.
            await db.DataExports.Where(e => e.Id == exportId && e.Status == DataExportStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DataExportStatus.Queued).SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
        finally
        {
            await watch.DisposeAsync();
            File.Delete(file);
        }
    }

    private async Task WriteAsync(string file, Guid user, DateTimeOffset now, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        using var zip = new ExportArchive(stream);
        await contents.WriteAsync(zip, user, now, ct);
        await zip.AddTextAsync("README.txt", Readme(zip.Contents, now), ct);
    }

    private async Task FinishAsync(DataExport export, string key, long size, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        export.Status = DataExportStatus.Ready;
        export.FinishedAt = now;
        export.ExpiresAt = now + ExportRules.Lifetime;
        export.SizeBytes = size;
        export.BlobKey = key;
        export.LeaseUntil = null;
        var email = await db.Users.Where(u => u.Id == export.UserId).Select(u => u.Email).SingleAsync(ct);
        mails.ExportReady(export.UserId, email!, links.MailedLink(export.Id, export.ExpiresAt.Value), size, export.ExpiresAt.Value);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Export {ExportId} ready: {Bytes} bytes", export.Id, size);
    }

    private async Task FailAsync(DataExport export, CancellationToken ct)
    {
        export.Status = DataExportStatus.Failed;
        export.FinishedAt = clock.GetUtcNow();
        export.LeaseUntil = null;
        export.Error = $"The export could not be written after {IExportJob.MaxAttempts} attempts. Request a new one, and contact support if it keeps failing.";
        await db.SaveChangesAsync(ct);
        await blobs.DeleteAsync(BlobKeys.Export(export.UserId, export.Id), ct);
    }

    private static string Readme(IReadOnlyList<(string Path, string What)> files, DateTimeOffset at)
    {
        var text = new StringBuilder();
        text.AppendLine("AutoMl data export").AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Written {at:yyyy-MM-dd HH:mm:ss} UTC.").AppendLine()
            .AppendLine("Everything your account owns: rows as JSON, one object per line (.jsonl), and the files you stored.")
            .AppendLine("Ids are the ones the API and the dashboard show.").AppendLine()
            .AppendLine("Contents:");
        foreach (var (path, what) in files)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {path}").AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"      {what}");
        }
        text.AppendLine().AppendLine("Not included:")
            .AppendLine("  - your password (we keep only a hash of it), your API keys' secrets (hashes only) and sign-in tokens;")
            .AppendLine("  - the bodies of the emails we sent you: their links may still act on your account;")
            .AppendLine("  - the audit trail's hash chain: each hash also covers other accounts' rows;")
            .AppendLine("  - copies the platform derives from your files and can rebuild (processed Parquet of each data set);")
            .AppendLine("  - counters and short-lived reservations (event sequence, upload quota reservations, daily ad counts), and earlier exports.");
        return text.ToString();
    }
}
