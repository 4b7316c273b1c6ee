using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Workflows;

/// <summary>
/// The debounced run after new data set versions: every upload schedules this, and only the delivery that finds the
/// uploads quiet for the workflow's debounce starts a run, on the newest version, keyed by that version. A version
/// still being ingested, or a run still training, puts the run off a little.
/// </summary>
internal sealed class WorkflowVersionJob(AutoMlDbContext db, WorkflowRunStarter starter, IBackgroundJobClient hangfire, TimeProvider clock, ILogger<WorkflowVersionJob> logger)
    : IWorkflowVersionJob
{
    private static readonly TimeSpan IngestWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan EarlyDelivery = TimeSpan.FromSeconds(3);

    public async Task FireAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workflowId, cancellationToken);
        if (workflow is not { VersionPendingSince: { } pending, OnNewVersion: true, Paused: false })
        {
            return;
        }
        var remaining = pending.AddSeconds(workflow.DebounceSeconds) - clock.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            // Hangfire keeps due times in whole seconds, so the newest upload's own delivery may come a little early:
            // it tries again at the end of the quiet period. An earlier upload's delivery leaves it to that one.
            if (remaining <= EarlyDelivery)
            {
                Later(workflowId, remaining + TimeSpan.FromMilliseconds(500));
            }
            return;
        }
        var latest = await db.Datasets.AsNoTracking().Where(d => d.LineageId == workflow.DatasetLineageId)
            .OrderByDescending(d => d.Version).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var start = await starter.StartAsync(workflowId, RunTriggers.DatasetVersion, $"version:{latest:N}", null, latest, recordBusy: false, cancellationToken);
        switch (start)
        {
            case RunStart.NotReady:
                Later(workflowId, IngestWait);
                return;
            case RunStart.Busy:
                Later(workflowId, BusyWait);
                return;
        }
        // Only this pending mark is cleared: an upload since then set a newer one, and its delivery runs again.
        await db.Workflows.Where(w => w.Id == workflowId && w.VersionPendingSince == pending)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.VersionPendingSince, (DateTimeOffset?)null), cancellationToken);
        logger.LogInformation("Workflow {WorkflowId}: new data set version {DatasetId} → {Start}", workflowId, latest, start.GetType().Name);
    }

    private void Later(Guid workflowId, TimeSpan delay) =>
        hangfire.Schedule<IWorkflowVersionJob>(j => j.FireAsync(workflowId, CancellationToken.None), delay);
}
