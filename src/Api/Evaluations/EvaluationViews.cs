using AutoMl.Api.Models;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Evaluations;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Evaluations;

/// <summary>Evaluation rows as the API shows them, with what their job and data set add (live status, price, name).</summary>
internal static class EvaluationViews
{
    private static readonly string Running = JobLifecycle.Start.To.ToString().ToLowerInvariant();

    /// <summary>The views of <paramref name="rows"/>, in order; curves only when <paramref name="withCurves"/>.</summary>
    /// <param name="admitted">The job as the submission admitted it: a fresh evaluation answers queued even when a worker took it already.</param>
    public static async Task<List<EvaluationView>> ReadAsync(
        AutoMlDbContext db, Model model, IReadOnlyList<ModelEvaluation> rows, bool withCurves, CancellationToken ct, Job? admitted = null)
    {
        var jobIds = rows.Select(r => r.JobId).ToList();
        var datasetIds = rows.Select(r => r.DatasetId).Distinct().ToList();
        var jobs = admitted is not null ? new Dictionary<Guid, Job> { [admitted.Id] = admitted }
            : await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        var names = await db.Datasets.AsNoTracking().Where(d => d.UserId == model.UserId && datasetIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return rows.Select(r => From(model, r, jobs.GetValueOrDefault(r.JobId), names.GetValueOrDefault(r.DatasetId), withCurves)).ToList();
    }

    private static EvaluationView From(Model model, ModelEvaluation e, Job? job, string? datasetName, bool withCurves)
    {
        var metrics = e.MetricsJson is { } m ? ModelViews.Read<EvaluationMetrics>(m) : null;
        // The row is written queued and finished by the job's ending; in between, the job says whether it runs.
        var live = e.FinishedAt is null && job is not null && job.Status == JobLifecycle.Start.To;
        return new EvaluationView(e.Id, e.ModelId, e.DatasetId, datasetName, e.JobId, live ? Running : e.Status,
            e.FinishedAt is not null ? 1 : job?.Progress ?? 0, e.Rows, metrics?.SkippedRows, metrics?.UnseenLabels, metrics?.Threshold, metrics?.Metrics,
            metrics is null ? null : EvaluationComparison.Rows(model, metrics.Metrics),
            withCurves && e.CurvesJson is { } c ? ModelViews.Read<ModelCurveSet>(c) : null,
            e.Error, job?.HeldCredits ?? 0, job?.ChargedCredits ?? 0, e.CreatedAt, e.FinishedAt);
    }
}
