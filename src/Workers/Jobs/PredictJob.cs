using System.Globalization;
using System.Text;
using AutoMl.Domain.Events;
using AutoMl.Domain.Exports;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Bundle;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// A batch prediction: predicts every row of a data set with a model and stores the result as a CSV (one row per input
/// row, in order), charged its whole hold. The claim, lease, cancel and retry are <see cref="JobRun"/>'s.
/// </summary>
internal sealed class PredictJob(JobRun run, AutoMlDbContext db, IBlobStore blobs, JobSettlement settlement) : IPredictJob
{
    public Task RunAsync(Guid jobId, CancellationToken cancellationToken) => run.RunAsync(jobId, WorkAsync, cancellationToken);

    private async Task WorkAsync(RunningJob running, CancellationToken ct)
    {
        var (job, work) = (running.Job, running.WorkDirectory);
        var (model, bundle, frame) = await ModelOnDataset.LoadAsync(running, db, blobs, "predictions", ct);
        var predictions = DecisionThreshold.Apply(bundle, bundle.Predict(frame), model.DecisionThreshold);

        var csvPath = Path.Combine(work, "predictions.csv");
        await WriteCsvAsync(csvPath, bundle, predictions, ct);
        var key = BlobKeys.Prediction(job.UserId, job.Id);
        await blobs.PutFileAsync(key, csvPath, ct);

        var ending = new JobEnding(JobLifecycle.Succeed, job.HeldCredits, $"Batch prediction {job.Id:N}",
            new JobSucceeded("predict", job.HeldCredits, 0, Rows: frame.RowCount, Result: $"/api/v1/models/predictions/{job.Id}/result"),
            new JobOutcome.PredictionsReady(key));
        await settlement.EndAsync(job, ending, CancellationToken.None);
    }

    private static async Task WriteCsvAsync(string path, ModelBundle bundle, IReadOnlyList<RowPrediction> predictions, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var classes = bundle.Classes;
        await writer.WriteLineAsync(string.Join(',', classes.Select(CsvCell.Text).Prepend("prediction")).AsMemory(), ct);
        foreach (var p in predictions)
        {
            var line = new StringBuilder(p.Label is not null ? CsvCell.Text(p.Label) : p.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "");
            foreach (var c in classes)
            {
                line.Append(',').Append(p.Probabilities is { } probs && probs.TryGetValue(c, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
            }
            await writer.WriteLineAsync(line, ct);
        }
    }
}
