using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>A job's model (its row and loaded bundle) and every row of its data set: what batch prediction and evaluation score.</summary>
internal sealed record ModelOnDataset(Model Model, ModelBundle Bundle, ColumnFrame Frame)
{
    /// <summary>Downloads both into the job's work folder; either deleted since the job was admitted fails it (refunded), saying what ran.</summary>
    public static async Task<ModelOnDataset> LoadAsync(RunningJob running, AutoMlDbContext db, IBlobStore blobs, string what, CancellationToken ct)
    {
        var (job, work) = (running.Job, running.WorkDirectory);
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == job.ModelId, ct)
            ?? throw new JobFailedException($"The model was deleted before the {what} ran.");
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == job.DatasetId, ct)
            ?? throw new JobFailedException($"The data set was deleted before the {what} ran.");
        var bundlePath = Path.Combine(work, "model.bundle");
        var dataPath = Path.Combine(work, "data.parquet");
        await blobs.DownloadToFileAsync(model.BundleKey, bundlePath, ct);
        await blobs.DownloadToFileAsync(dataset.ProcessedKey!, dataPath, ct);
        return new ModelOnDataset(model, ModelBundle.Load(bundlePath), await ProcessedParquet.LoadAsync(dataPath, cancellationToken: ct));
    }
}
