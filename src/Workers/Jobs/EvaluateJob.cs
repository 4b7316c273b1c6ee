using System.Text.Json;
using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Evaluation;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// An evaluation: scores a model on every row of a labelled data set (<see cref="OwnDataEvaluation"/>) and stores the
/// metrics and curves with the job's ending, charged its whole hold as a batch prediction is. The claim, lease, cancel
/// and retry are <see cref="JobRun"/>'s; a data set the model cannot be judged on fails the job, refunded.
/// </summary>
internal sealed class EvaluateJob(JobRun run, AutoMlDbContext db, IBlobStore blobs, JobSettlement settlement) : IEvaluateJob
{
    public Task RunAsync(Guid jobId, CancellationToken cancellationToken) => run.RunAsync(jobId, WorkAsync, cancellationToken);

    private async Task WorkAsync(RunningJob running, CancellationToken ct)
    {
        var job = running.Job;
        var (model, bundle, frame) = await ModelOnDataset.LoadAsync(running, db, blobs, "evaluation", ct);
        var result = OwnDataEvaluation.Evaluate(bundle, frame, model.Target, model.DecisionThreshold);

        var metrics = JsonSerializer.Serialize(EvaluationRecord.Metrics(result), JsonSerializerOptions.Web);
        var curves = JsonSerializer.Serialize(EvaluationRecord.Curves(result.Curves), JsonSerializerOptions.Web);
        var ending = new JobEnding(JobLifecycle.Succeed, job.HeldCredits, $"Evaluation {job.Id:N}",
            new JobSucceeded("evaluate", job.HeldCredits, 0, ModelId: model.Id, Rows: result.Rows, Result: $"/api/v1/models/{model.Id}/evaluations"),
            new JobOutcome.EvaluationReady(result.Rows, metrics, curves));
        await settlement.EndAsync(job, ending, CancellationToken.None);
    }
}
