using System.Text.Json;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Workflows;

/// <summary>Workflows and runs as the API shows them, with what they name (data set, registered model, credits) looked up.</summary>
internal static class WorkflowViews
{
    public static async Task<List<WorkflowView>> WorkflowsAsync(AutoMlDbContext db, IReadOnlyList<Workflow> workflows, DateTimeOffset now, CancellationToken ct)
    {
        List<WorkflowView> views = [];
        foreach (var w in workflows)
        {
            var versions = db.Datasets.AsNoTracking().Where(d => d.LineageId == w.DatasetLineageId);
            var name = await versions.OrderByDescending(d => d.Version).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "(deleted)";
            var latest = await versions.Select(d => (int?)d.Version).MaxAsync(ct) ?? 0;
            var registered = await db.RegisteredModels.AsNoTracking().Where(r => r.Id == w.RegisteredModelId).Select(r => r.Name).SingleAsync(ct);
            var spent = await WorkflowRunStarter.CreditsThisMonthAsync(db, w.Id, now, ct);
            var last = await db.WorkflowRuns.AsNoTracking().Where(r => r.WorkflowId == w.Id).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            views.Add(new WorkflowView(
                w.Id, w.Name, w.DatasetLineageId, name, latest, w.Target, w.Task, w.Metric, w.BudgetSeconds, w.ExcludedColumns, w.TimeColumn,
                registered, w.Policy, w.Margin, Guardrails(w), w.RunCreditCap, w.MonthlyCreditCap, spent,
                w.Cron is null ? null : new WorkflowSchedule(w.Cron, w.TimeZone ?? "UTC"),
                w.Cron is null || w.Paused ? null : WorkflowSchedules.Next(w.Cron, w.TimeZone, now),
                w.OnNewVersion, w.DebounceSeconds, w.Paused,
                last is null ? null : (await RunsAsync(db, [last], ct))[0],
                w.CreatedAt, w.UpdatedAt));
        }
        return views;
    }

    public static async Task<List<WorkflowRunView>> RunsAsync(AutoMlDbContext db, IReadOnlyList<WorkflowRun> runs, CancellationToken ct)
    {
        var jobIds = runs.Where(r => r.JobId != null).Select(r => r.JobId!.Value).ToList();
        var credits = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, WorkflowCredits.CountedOf, ct);
        return runs.Select(r => new WorkflowRunView(
            r.Id, r.WorkflowId, r.Trigger, r.ScheduledFor, r.DatasetId, r.DatasetVersion, r.JobId, r.Status, r.Reason, r.Metric,
            r.CandidateVersion, r.ChampionVersion, r.CandidateScore, r.ChampionScore, r.Better,
            r.ReportJson is null ? null : JsonDocument.Parse(r.ReportJson).RootElement.Clone(),
            r.DecidedBy, r.JobId is { } job && credits.TryGetValue(job, out var used) ? used : 0, r.CreatedAt, r.FinishedAt)).ToList();
    }

    public static IReadOnlyList<GuardrailView> Guardrails(Workflow workflow) =>
        JsonSerializer.Deserialize<List<GuardrailView>>(workflow.GuardrailsJson, JsonSerializerOptions.Web) ?? [];
}
