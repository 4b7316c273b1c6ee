using AutoMl.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Workflows;

/// <summary>
/// A new data set version, told to the workflows that run on one: each marks the version pending and schedules its
/// debounced run (<see cref="IWorkflowVersionJob"/>) for when the uploads have been quiet for its debounce, so ten
/// uploads in a minute make one run.
/// </summary>
public sealed class WorkflowTriggers(AutoMlDbContext db, IBackgroundJobClient hangfire, TimeProvider clock)
{
    public async Task VersionAddedAsync(Guid lineageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.Workflows.Where(w => w.DatasetLineageId == lineageId && w.OnNewVersion && !w.Paused)
            .Select(w => new { w.Id, w.DebounceSeconds }).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }
        await db.Workflows.Where(w => w.DatasetLineageId == lineageId && w.OnNewVersion && !w.Paused)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.VersionPendingSince, now), ct);
        foreach (var workflow in waiting)
        {
            var id = workflow.Id;
            hangfire.Schedule<IWorkflowVersionJob>(j => j.FireAsync(id, CancellationToken.None), TimeSpan.FromSeconds(workflow.DebounceSeconds));
        }
    }
}
