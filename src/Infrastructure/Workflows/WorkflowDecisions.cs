using AutoMl.Domain.Jobs;
using AutoMl.Domain.Registry;
using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Workflows;

/// <summary>
/// Ends a run once its job has ended: failed with the job's reason, or decided by its report and the workflow's
/// policy (promote now, wait for approval, or only report). A promotion moves production with the run as its reason.
/// Each end is written only from 'training' (or 'awaiting-approval' for a person's decision), so a run ends once.
/// </summary>
public sealed class WorkflowDecisions(AutoMlDbContext db, EmailTemplates emails, TimeProvider clock)
{
    /// <summary>Ends the run of <paramref name="jobId"/> if it trained for one and its job has ended; otherwise nothing.</summary>
    public async Task ConcludeAsync(Guid jobId, CancellationToken ct)
    {
        var run = await db.WorkflowRuns.SingleOrDefaultAsync(r => r.JobId == jobId && r.Status == RunStatuses.Training, ct);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (run is null || job is null || !job.Status.IsTerminal())
        {
            return;
        }
        var workflow = await db.Workflows.AsNoTracking().SingleAsync(w => w.Id == run.WorkflowId, ct);
        var now = clock.GetUtcNow();
        if (!job.Status.HasResult())
        {
            var reason = job.Status == JobLifecycle.CancelRunning.To ? "Its training job was cancelled." : $"Its training job failed: {job.Error}";
            if (await EndAsync(run.Id, RunStatuses.Training, RunStatuses.Failed, reason, null, ct))
            {
                await EmailAsync(workflow, to => emails.WorkflowRunFailed(workflow.UserId, to, workflow.Id, workflow.Name, reason), ct);
            }
            return;
        }
        run.CandidateVersion = job.RegisteredVersion;
        if (job.RegisteredVersion is not { } candidate)
        {
            await EndAsync(run.Id, RunStatuses.Training, RunStatuses.NotPromoted,
                job.RegistrationProblem ?? "The trained model did not become a version of the registered model.", null, ct);
            return;
        }
        await db.WorkflowRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CandidateVersion, candidate), ct);
        if (run.ReportJson is null || run.Better is not { } better)
        {
            await EndAsync(run.Id, RunStatuses.Training, RunStatuses.Failed, "The comparison with the model in production was not recorded, so nothing was promoted; run it again.", null, ct);
            return;
        }
        var summary = run.Reason ?? "";
        if (!better)
        {
            await EndAsync(run.Id, RunStatuses.Training, RunStatuses.NotPromoted, $"Version {candidate} was not promoted. {summary}", null, ct);
            return;
        }
        switch (workflow.Policy)
        {
            case PromotionPolicies.Automatic:
                await AliasMoves.MoveAsync(db, workflow.RegisteredModelId, RegistryNames.Production, candidate, $"workflow '{workflow.Name}'",
                    $"Workflow '{workflow.Name}' run {run.Id}: {summary}", now, ct);
                await EndAsync(run.Id, RunStatuses.Training, RunStatuses.Promoted, $"Version {candidate} now holds production. {summary}", $"workflow '{workflow.Name}' (automatic)", ct);
                break;
            case PromotionPolicies.Approval:
                if (await EndAsync(run.Id, RunStatuses.Training, RunStatuses.AwaitingApproval, $"Version {candidate} beat the model in production and awaits approval. {summary}", null, ct, finished: false))
                {
                    await EmailAsync(workflow, to => emails.WorkflowApprovalNeeded(workflow.UserId, to, workflow.Id, run.Id, workflow.Name, candidate, summary), ct);
                }
                break;
            default:
                await EndAsync(run.Id, RunStatuses.Training, RunStatuses.NotPromoted,
                    $"Version {candidate} beat the model in production, and the workflow's policy is never to promote. {summary}", null, ct);
                break;
        }
    }

    /// <returns>The run after approval, or null when it was not awaiting approval.</returns>
    public async Task<bool> ApproveAsync(WorkflowRun run, Workflow workflow, string actor, string? reason, CancellationToken ct)
    {
        if (run.Status != RunStatuses.AwaitingApproval || run.CandidateVersion is not { } candidate)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        // The move first: if the status update were lost, approving again moves nothing twice (a move to the version held is no move).
        await AliasMoves.MoveAsync(db, workflow.RegisteredModelId, RegistryNames.Production, candidate, actor,
            $"Workflow '{workflow.Name}' run {run.Id} approved{(string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}")}", now, ct);
        var ended = await EndAsync(run.Id, RunStatuses.AwaitingApproval, RunStatuses.Promoted,
            $"Version {candidate} now holds production, approved by {actor}{(string.IsNullOrWhiteSpace(reason) ? "." : $": {reason}")}", actor, ct);
        if (ended)
        {
            await Audit.AuditTrail.AppendAsync(db, now, new Audit.AuditEntry(Audit.AuditActions.WorkflowApproval, actor, run.UserId, Audit.AuditOutcomes.Success,
                "workflow-run", run.Id.ToString(), $"Workflow '{workflow.Name}': version {candidate} approved{(string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}")}"), ct);
        }
        return ended;
    }

    public async Task<bool> RejectAsync(WorkflowRun run, string actor, string? reason, CancellationToken ct)
    {
        var ended = await EndAsync(run.Id, RunStatuses.AwaitingApproval, RunStatuses.Rejected,
            $"Version {run.CandidateVersion} was rejected by {actor}{(string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}")}; production did not change.", actor, ct);
        if (ended)
        {
            await Audit.AuditTrail.AppendAsync(db, clock.GetUtcNow(), new Audit.AuditEntry(Audit.AuditActions.WorkflowRejection, actor, run.UserId, Audit.AuditOutcomes.Success,
                "workflow-run", run.Id.ToString(), $"Version {run.CandidateVersion} rejected{(string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}")}"), ct);
        }
        return ended;
    }

    private async Task<bool> EndAsync(Guid runId, string from, string to, string reason, string? decidedBy, CancellationToken ct, bool finished = true)
    {
        var now = clock.GetUtcNow();
        var trimmed = reason.Length > 4000 ? reason[..3999] + "…" : reason;
        return await db.WorkflowRuns.Where(r => r.Id == runId && r.Status == from).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, to)
            .SetProperty(r => r.Reason, trimmed)
            .SetProperty(r => r.DecidedBy, decidedBy)
            .SetProperty(r => r.FinishedAt, finished ? now : null), ct) == 1;
    }

    private async Task EmailAsync(Workflow workflow, Func<string, OutboxEmail> email, CancellationToken ct)
    {
        if (await db.Users.AsNoTracking().Where(u => u.Id == workflow.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct) is { } to)
        {
            email(to);
            await db.SaveChangesAsync(ct);
        }
    }
}
