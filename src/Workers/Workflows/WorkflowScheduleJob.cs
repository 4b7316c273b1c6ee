using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Workflows;

/// <summary>
/// A workflow's schedule firing: a run for the occurrence it answers, keyed by that occurrence so two firings of one
/// occurrence start one run. A firing that comes late (past <see cref="WorkflowSchedules.Grace"/>) starts nothing, and a
/// run still training makes this occurrence a skipped run: missed runs never pile up.
/// </summary>
internal sealed class WorkflowScheduleJob(AutoMlDbContext db, WorkflowRunStarter starter, WorkflowSchedules schedules, TimeProvider clock, ILogger<WorkflowScheduleJob> logger)
    : IWorkflowScheduleJob
{
    public Task FireAsync(Guid workflowId, CancellationToken cancellationToken) => FireAndTellAsync(workflowId, cancellationToken);

    /// <returns>What the firing did: the <see cref="RunStart"/> case's name, "late", or "none" (no schedule).</returns>
    internal async Task<string> FireAndTellAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workflowId, cancellationToken);
        if (workflow is null)
        {
            schedules.Remove(workflowId);
            return "none";
        }
        if (workflow.Cron is null || workflow.Paused)
        {
            return "none";
        }
        var now = clock.GetUtcNow();
        if (WorkflowSchedules.Due(workflow.Cron, workflow.TimeZone, now) is not { } due)
        {
            logger.LogInformation("Workflow {WorkflowId}: a schedule firing at {Now:O} is past its occurrence's grace; skipped", workflowId, now);
            return "late";
        }
        var start = await starter.StartAsync(workflowId, RunTriggers.Schedule, $"schedule:{due.UtcDateTime:yyyy-MM-ddTHH:mm}Z", due, null, recordBusy: true, cancellationToken);
        logger.LogInformation("Workflow {WorkflowId}: schedule occurrence {Due:O} → {Start}", workflowId, due, start.GetType().Name);
        return start.GetType().Name;
    }
}
