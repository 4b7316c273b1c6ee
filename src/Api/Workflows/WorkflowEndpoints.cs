using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Api.Paging;
using AutoMl.Api.Registry;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Workflows;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Workflows;

/// <summary>/workflows: saved training recipes that re-run on new data, on a schedule or on request, and promote only a better model.</summary>
internal static class WorkflowEndpoints
{
    private const string Missing = "No workflow with this id exists in your account.";
    private const string MissingRun = "This workflow has no run with this id.";

    public static void MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows").RequireAuthorization().RequireAntiforgeryForCookies()
            .KeysNeed(ApiKeyScope.Read, ApiKeyScope.Train);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync)
            .WithDescription("Create a workflow from a finished training job's settings (jobId) or from a data set and a training request. Its candidates become versions of registeredModel, created when missing.");
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPatch("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync).KeysNeed(ApiKeyScope.Full);
        group.MapPost("/{id:guid}/pause", PauseAsync).WithDescription("Stop the schedule and new-version triggers; run now answers 409 until the workflow is resumed.");
        group.MapPost("/{id:guid}/resume", ResumeAsync);
        group.MapPost("/{id:guid}/runs", RunNowAsync)
            .WithDescription("Run now on the newest ready version. 201 with the run: training, or skipped or failed with the reason (a credit cap, the data). 409 while another run trains or the workflow is paused.");
        group.MapGet("/{id:guid}/runs", RunsAsync);
        group.MapGet("/{id:guid}/runs/{runId:guid}", RunAsync);
        group.MapPost("/{id:guid}/runs/{runId:guid}/approve", ApproveAsync).WithDescription("Promote the candidate of a run awaiting approval: production moves to it, with the run as the reason.");
        group.MapPost("/{id:guid}/runs/{runId:guid}/reject", RejectAsync);
    }

    private static async Task<Results<Ok<Page<WorkflowView>>, ValidationProblem>> ListAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, TimeProvider clock, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var page = await KeysetPage.ReadAsync(db.Workflows.AsNoTracking().Where(w => w.UserId == current.Id), pageSize, cursor, w => w, ct);
        if (page is null)
        {
            return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
        }
        return TypedResults.Ok(new Page<WorkflowView>(await WorkflowViews.WorkflowsAsync(db, page.Items, clock.GetUtcNow(), ct), page.NextCursor));
    }

    private static async Task<Results<Created<WorkflowView>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CreateWorkflowRequest request, CurrentUser current, AutoMlDbContext db, TrainingRequestCheck check, WorkflowSchedules schedules, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await WorkflowCreation.CreateAsync(request, current.Id, db, check, clock, ct);
        if (outcome.Problem is { } problem)
        {
            return problem;
        }
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }
        var workflow = outcome.Workflow!;
        schedules.Sync(workflow);
        var view = (await WorkflowViews.WorkflowsAsync(db, [workflow], clock.GetUtcNow(), ct))[0];
        return TypedResults.Created($"/api/v1/workflows/{workflow.Id}", view);
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> GetAsync(Guid id, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct) =>
        await FindAsync(db, current.Id, id, ct) is { } workflow
            ? TypedResults.Ok((await WorkflowViews.WorkflowsAsync(db, [workflow], clock.GetUtcNow(), ct))[0])
            : ProblemResults.NotFound(Missing);

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        Guid id, UpdateWorkflowRequest request, CurrentUser current, AutoMlDbContext db, WorkflowSchedules schedules, TimeProvider clock, CancellationToken ct)
    {
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == id && w.UserId == current.Id, ct);
        if (workflow is null)
        {
            return ProblemResults.NotFound(Missing);
        }
        if (await WorkflowCreation.ApplyAsync(workflow, request, db, ct) is { } invalid)
        {
            return invalid;
        }
        workflow.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        schedules.Sync(workflow);
        return TypedResults.Ok((await WorkflowViews.WorkflowsAsync(db, [workflow], clock.GetUtcNow(), ct))[0]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, CurrentUser current, AutoMlDbContext db, WorkflowSchedules schedules, CancellationToken ct)
    {
        // A run still training keeps its job (and its charge); its model still becomes a version, nothing is promoted.
        if (await db.Workflows.Where(w => w.Id == id && w.UserId == current.Id).ExecuteDeleteAsync(ct) == 0)
        {
            return ProblemResults.NotFound(Missing);
        }
        schedules.Remove(id);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<WorkflowView>, ProblemHttpResult>> PauseAsync(Guid id, CurrentUser current, AutoMlDbContext db, WorkflowSchedules schedules, TimeProvider clock, CancellationToken ct) =>
        SetPausedAsync(id, true, current, db, schedules, clock, ct);

    private static Task<Results<Ok<WorkflowView>, ProblemHttpResult>> ResumeAsync(Guid id, CurrentUser current, AutoMlDbContext db, WorkflowSchedules schedules, TimeProvider clock, CancellationToken ct) =>
        SetPausedAsync(id, false, current, db, schedules, clock, ct);

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> SetPausedAsync(
        Guid id, bool paused, CurrentUser current, AutoMlDbContext db, WorkflowSchedules schedules, TimeProvider clock, CancellationToken ct)
    {
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == id && w.UserId == current.Id, ct);
        if (workflow is null)
        {
            return ProblemResults.NotFound(Missing);
        }
        workflow.Paused = paused;
        // Versions uploaded while paused start nothing when it resumes: a resume is not a trigger.
        workflow.VersionPendingSince = null;
        workflow.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        schedules.Sync(workflow);
        return TypedResults.Ok((await WorkflowViews.WorkflowsAsync(db, [workflow], clock.GetUtcNow(), ct))[0]);
    }

    private static async Task<Results<Created<WorkflowRunView>, ProblemHttpResult>> RunNowAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, WorkflowRunStarter starter, CancellationToken ct)
    {
        var workflow = await FindAsync(db, current.Id, id, ct);
        if (workflow is null)
        {
            return ProblemResults.NotFound(Missing);
        }
        if (workflow.Paused)
        {
            return ProblemResults.Conflict($"This workflow is paused: resume it first (POST /api/v1/workflows/{id}/resume).");
        }
        var start = await starter.StartAsync(id, RunTriggers.Manual, $"manual:{Guid.NewGuid():N}", null, null, recordBusy: false, ct);
        return start switch
        {
            RunStart.Started s => Created(id, (await WorkflowViews.RunsAsync(db, [s.Run], ct))[0]),
            RunStart.Ended e => Created(id, (await WorkflowViews.RunsAsync(db, [e.Run], ct))[0]),
            RunStart.Busy b => ProblemResults.Conflict($"A run of this workflow started at {b.Active.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC is still training; one run at a time. Wait for it to end."),
            RunStart.NotReady => ProblemResults.Conflict("The data set's newest version is still being read; run again when it is ready."),
            _ => ProblemResults.NotFound(Missing),
        };
    }

    private static Created<WorkflowRunView> Created(Guid workflowId, WorkflowRunView run) => TypedResults.Created($"/api/v1/workflows/{workflowId}/runs/{run.Id}", run);

    private static async Task<Results<Ok<Page<WorkflowRunView>>, ProblemHttpResult, ValidationProblem>> RunsAsync(
        Guid id, CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (await FindAsync(db, current.Id, id, ct) is null)
        {
            return ProblemResults.NotFound(Missing);
        }
        var page = await KeysetPage.ReadAsync(db.WorkflowRuns.AsNoTracking().Where(r => r.WorkflowId == id), pageSize, cursor, r => r, ct);
        if (page is null)
        {
            return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
        }
        return TypedResults.Ok(new Page<WorkflowRunView>(await WorkflowViews.RunsAsync(db, page.Items, ct), page.NextCursor));
    }

    private static async Task<Results<Ok<WorkflowRunView>, ProblemHttpResult>> RunAsync(Guid id, Guid runId, CurrentUser current, AutoMlDbContext db, CancellationToken ct) =>
        await FindRunAsync(db, current.Id, id, runId, ct) is { } run
            ? TypedResults.Ok((await WorkflowViews.RunsAsync(db, [run], ct))[0])
            : ProblemResults.NotFound(MissingRun);

    private static async Task<Results<Ok<WorkflowRunView>, ProblemHttpResult>> ApproveAsync(
        Guid id, Guid runId, RunDecisionRequest? request, HttpContext http, CurrentUser current, AutoMlDbContext db, WorkflowDecisions decisions, CancellationToken ct)
    {
        var run = await FindRunAsync(db, current.Id, id, runId, ct);
        var workflow = await FindAsync(db, current.Id, id, ct);
        if (run is null || workflow is null)
        {
            return ProblemResults.NotFound(MissingRun);
        }
        if (!await decisions.ApproveAsync(run, workflow, await Actors.DescribeAsync(http, db, current.Id, ct), request?.Reason, ct))
        {
            return ProblemResults.Conflict(NotAwaiting(run));
        }
        return TypedResults.Ok((await WorkflowViews.RunsAsync(db, [(await FindRunAsync(db, current.Id, id, runId, ct))!], ct))[0]);
    }

    private static async Task<Results<Ok<WorkflowRunView>, ProblemHttpResult>> RejectAsync(
        Guid id, Guid runId, RunDecisionRequest? request, HttpContext http, CurrentUser current, AutoMlDbContext db, WorkflowDecisions decisions, CancellationToken ct)
    {
        var run = await FindRunAsync(db, current.Id, id, runId, ct);
        if (run is null)
        {
            return ProblemResults.NotFound(MissingRun);
        }
        if (!await decisions.RejectAsync(run, await Actors.DescribeAsync(http, db, current.Id, ct), request?.Reason, ct))
        {
            return ProblemResults.Conflict(NotAwaiting(run));
        }
        return TypedResults.Ok((await WorkflowViews.RunsAsync(db, [(await FindRunAsync(db, current.Id, id, runId, ct))!], ct))[0]);
    }

    private static string NotAwaiting(WorkflowRun run) =>
        $"This run is {run.Status}, not awaiting approval: only a run whose candidate beat production under the approval policy can be approved or rejected.";

    private static Task<Workflow?> FindAsync(AutoMlDbContext db, Guid user, Guid id, CancellationToken ct) =>
        db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id && w.UserId == user, ct);

    private static Task<WorkflowRun?> FindRunAsync(AutoMlDbContext db, Guid user, Guid id, Guid runId, CancellationToken ct) =>
        db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.WorkflowId == id && r.UserId == user, ct);
}
