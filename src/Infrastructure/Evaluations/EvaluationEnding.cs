using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Evaluations;

/// <summary>An evaluation ends with its job, in the job's ending transaction: whatever ends the job (the worker, a
/// failure, a cancel, a suspension) ends the evaluation the same way.</summary>
internal static class EvaluationEnding
{
    public static Task<int> RecordAsync(AutoMlDbContext db, Guid jobId, JobEnding ending, DateTimeOffset now, CancellationToken ct)
    {
        var status = ending.Status.ToString().ToLowerInvariant();
        var (rows, metrics, curves, error) = ending.Outcome switch
        {
            JobOutcome.EvaluationReady ready => ((long?)ready.Rows, ready.MetricsJson, ready.CurvesJson, (string?)null),
            JobOutcome.Failed failed => (null, null, null, failed.Stored),
            _ => ((long?)null, (string?)null, (string?)null, (string?)null),
        };
        return db.ModelEvaluations.Where(e => e.JobId == jobId && e.FinishedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status)
            .SetProperty(e => e.Rows, rows)
            .SetProperty(e => e.MetricsJson, metrics)
            .SetProperty(e => e.CurvesJson, curves)
            .SetProperty(e => e.Error, error)
            .SetProperty(e => e.FinishedAt, now), ct);
    }
}
