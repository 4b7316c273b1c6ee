using AutoMl.Domain.Jobs;
using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Workflows;

/// <summary>
/// Every minute: decides the runs whose job ended without the training job deciding them (a worker lost between the
/// job's end and the decision, or a job dead-lettered after its retries).
/// </summary>
internal sealed class WorkflowSweep(AutoMlDbContext db, WorkflowDecisions decisions)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var ended = await db.WorkflowRuns.AsNoTracking().Where(r => r.Status == RunStatuses.Training && r.JobId != null)
            .Join(db.Jobs.AsNoTracking(), r => r.JobId, j => j.Id, (r, j) => j)
            .Where(j => JobLifecycle.Terminal.Contains(j.Status)).Select(j => j.Id).Take(100).ToListAsync(cancellationToken);
        foreach (var jobId in ended)
        {
            await decisions.ConcludeAsync(jobId, cancellationToken);
        }
    }
}
