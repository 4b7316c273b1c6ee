using System.Globalization;
using System.Security.Cryptography;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Data;
using AutoMl.Ml.Profiling;
using AutoMl.Workers.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Datasets;

/// <summary>
/// Reads an upload with the engine's DuckDB reader, writes processed.parquet, profiles it, and marks the
/// data set ready in one update, or failed with the reader's message. A lease taken by a conditional
/// update makes a duplicate delivery a no-op; a lapsed lease (the worker died) lets the sweeper run it again.
/// </summary>
internal sealed class IngestDatasetJob(
    AutoMlDbContext db, IBlobStore blobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<IngestDatasetJob> logger) : IIngestDatasetJob
{
    public const int MaxAttempts = IIngestDatasetJob.MaxAttempts;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task RunAsync(Guid datasetId, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(datasetId, cancellationToken))
        {
            logger.LogInformation("Data set {DatasetId} is not waiting for ingest (done, gone or leased); nothing to do", datasetId);
            return;
        }
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset.IngestAttempts > MaxAttempts)
        {
            await FailAsync(datasetId, $"The file could not be ingested after {MaxAttempts} attempts. Upload it again, and contact support if it keeps failing.", cancellationToken);
            return;
        }
        var work = Directory.CreateTempSubdirectory("automl-ingest-");
        var watch = LeaseWatch.Start(scopes, clock, new LeaseTerms(Lease, (leaseDb, until, ct) =>
            leaseDb.Database.ExecuteSqlAsync($"UPDATE datasets SET ingest_lease_until = {until} WHERE id = {datasetId} AND status = 'Ingesting'", ct)));
        try
        {
            await IngestAsync(dataset, work.FullName, cancellationToken);
        }
        catch (DataFormatException e)
        {
            logger.LogInformation("Data set {DatasetId} is not a readable table: {Reason}", datasetId, e.Message);
            await FailAsync(datasetId, e.Message, CancellationToken.None);
        }
        catch
        {
            // Free the lease at once so Hangfire's retry (or the sweeper) can take it again.
            await db.Datasets.Where(d => d.Id == datasetId && d.Status == DatasetStatus.Ingesting)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.IngestLeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
        finally
        {
            await watch.DisposeAsync();
            work.Delete(recursive: true);
        }
    }

    private async Task IngestAsync(Dataset dataset, string work, CancellationToken ct)
    {
        var original = Path.Combine(work, "original." + (dataset.Format == "auto" ? "bin" : dataset.Format));
        await blobs.DownloadToFileAsync(dataset.OriginalKey, original, ct);
        var sha256 = dataset.Sha256 ?? await HashAsync(original, ct);
        if (await TwinAsync(dataset, sha256, ct) is { } twin)
        {
            await AdoptTwinAsync(dataset, twin, sha256, ct);
            return;
        }
        var tier = await db.Users.Where(u => u.Id == dataset.UserId).Select(u => u.Tier).SingleAsync(ct);
        TablePreflight.Check(original, dataset.Name, tier);
        var processed = Path.Combine(work, "processed.parquet");
        var result = await TabularReader.IngestAsync(original, processed, new IngestOptions
        {
            TempDirectory = Path.Combine(work, "spill"),
            MaxTempDirectorySize = string.Create(CultureInfo.InvariantCulture, $"{IngestLimits.For(tier).MaxTempBytes / 1_000_000}MB"),
            Format = ReaderFormat(dataset.Format),
        }, ct);
        var profile = await DatasetProfiler.ProfileAsync(processed, ct);
        var preview = ProcessedPreview.Read(processed);
        var sample = Path.Combine(work, "sample.parquet");
        var checks = await DatasetCheckRun.OfIngestAsync(processed, sample, profile, ct);
        var targetChecks = await Task.Run(() => DatasetCheckRun.OfOtherTargets(sample, profile, ct), ct);
        var associations = DatasetAssociations.From(await Task.Run(() => Associations.Compute(sample, profile.Columns, ct), ct));
        var processedKey = BlobKeys.DatasetProcessed(dataset.UserId, dataset.Id);
        var sampleKey = BlobKeys.DatasetSample(dataset.UserId, dataset.Id);
        await blobs.PutFileAsync(processedKey, processed, ct);
        await blobs.PutFileAsync(sampleKey, sample, ct);
        var columns = ProcessedPreview.Serialize(profile.Columns.Select(ColumnView.From).ToList());
        var task = profile.SuggestedTask?.ToString().ToLowerInvariant();
        var updated = await db.Datasets.Where(d => d.Id == dataset.Id && d.Status == DatasetStatus.Ingesting)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DatasetStatus.Ready)
                .SetProperty(d => d.Sha256, sha256)
                .SetProperty(d => d.ProcessedKey, processedKey)
                .SetProperty(d => d.Rows, result.RowCount)
                .SetProperty(d => d.ColumnsJson, columns)
                .SetProperty(d => d.PreviewJson, preview)
                .SetProperty(d => d.ChecksJson, ProcessedPreview.Serialize(checks))
                .SetProperty(d => d.TargetChecksJson, targetChecks == null ? null : ProcessedPreview.Serialize(targetChecks))
                .SetProperty(d => d.AssociationsJson, ProcessedPreview.Serialize(associations))
                .SetProperty(d => d.SampleKey, sampleKey)
                .SetProperty(d => d.TargetSuggestion, profile.SuggestedTarget)
                .SetProperty(d => d.TaskSuggestion, task)
                .SetProperty(d => d.Error, (string?)null)
                .SetProperty(d => d.IngestLeaseUntil, (DateTimeOffset?)null), ct);
        if (updated == 0)
        {
            // Deleted while we worked: leave nothing behind.
            await blobs.DeleteAsync(processedKey, CancellationToken.None);
            await blobs.DeleteAsync(sampleKey, CancellationToken.None);
            return;
        }
        logger.LogInformation("Data set {DatasetId} ready: {Rows} rows, {Columns} columns in {Seconds:F1} s",
            dataset.Id, result.RowCount, result.Schema.Columns.Count, result.Elapsed.TotalSeconds);
    }

    private Task<Dataset?> TwinAsync(Dataset dataset, string sha256, CancellationToken ct) =>
        db.Datasets.AsNoTracking()
            .Where(d => d.UserId == dataset.UserId && d.Id != dataset.Id && d.Sha256 == sha256 && d.Status == DatasetStatus.Ready)
            .OrderBy(d => d.CreatedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>The same file was ingested before: share its blobs and profile, and drop the duplicate bytes.</summary>
    private async Task AdoptTwinAsync(Dataset dataset, Dataset twin, string sha256, CancellationToken ct)
    {
        var updated = await db.Datasets.Where(d => d.Id == dataset.Id && d.Status == DatasetStatus.Ingesting)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DatasetStatus.Ready)
                .SetProperty(d => d.Sha256, sha256)
                .SetProperty(d => d.OriginalKey, twin.OriginalKey)
                .SetProperty(d => d.ProcessedKey, twin.ProcessedKey)
                .SetProperty(d => d.Format, twin.Format)
                .SetProperty(d => d.Rows, twin.Rows)
                .SetProperty(d => d.ColumnsJson, twin.ColumnsJson)
                .SetProperty(d => d.PreviewJson, twin.PreviewJson)
                .SetProperty(d => d.ChecksJson, twin.ChecksJson)
                .SetProperty(d => d.TargetChecksJson, twin.TargetChecksJson)
                .SetProperty(d => d.AssociationsJson, twin.AssociationsJson)
                .SetProperty(d => d.SampleKey, twin.SampleKey)
                .SetProperty(d => d.TargetSuggestion, twin.TargetSuggestion)
                .SetProperty(d => d.TaskSuggestion, twin.TaskSuggestion)
                .SetProperty(d => d.IngestLeaseUntil, (DateTimeOffset?)null), ct);
        if (updated == 1 && dataset.OriginalKey != twin.OriginalKey)
        {
            await blobs.DeleteAsync(dataset.OriginalKey, ct);
        }
        logger.LogInformation("Data set {DatasetId} is the same file as {TwinId}; reused its blobs and profile", dataset.Id, twin.Id);
    }

    private async Task<bool> ClaimAsync(Guid datasetId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Datasets
            .Where(d => d.Id == datasetId && d.Status == DatasetStatus.Ingesting && (d.IngestLeaseUntil == null || d.IngestLeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.IngestLeaseUntil, now + Lease)
                .SetProperty(d => d.IngestAttempts, d => d.IngestAttempts + 1), ct) == 1;
    }

    private async Task FailAsync(Guid datasetId, string message, CancellationToken ct) =>
        await db.Datasets.Where(d => d.Id == datasetId && d.Status == DatasetStatus.Ingesting)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DatasetStatus.Failed)
                .SetProperty(d => d.Error, message.Length > 2000 ? message[..2000] : message)
                .SetProperty(d => d.IngestLeaseUntil, (DateTimeOffset?)null), ct);

    private static SourceFormat? ReaderFormat(string format) => format switch
    {
        "csv" or "tsv" => SourceFormat.Csv,
        "parquet" => SourceFormat.Parquet,
        "jsonl" => SourceFormat.JsonLines,
        _ => null,
    };

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
