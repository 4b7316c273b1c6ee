using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Outcomes;
using AutoMl.Api.Paging;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

internal static class JobEndpoints
{
    private const string DataChecks =
        "The target is checked against the data set's profile first: a data mistake answers 422, before anything is held, "
        + "with a sentence (detail, also under errors.target), a code (target-not-found, target-excluded, target-single-value, "
        + "too-few-labelled-rows, regression-needs-numeric-target, too-many-classes, binary-needs-two-classes, class-too-small, "
        + "target-looks-like-identifier, target-looks-like-free-text) and overridable: true for a warning that force: true passes.";

    public static void MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization().RequireAntiforgeryForCookies()
            .KeysNeed(ApiKeyScope.Read, ApiKeyScope.Train);
        jobs.MapPost("/", SubmitAsync).RateLimited(RouteClass.JobSubmission)
            .WithDescription("Holds the job's price and queues it (202). " + DataChecks)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        jobs.MapPost("/quote", QuoteAsync).KeysNeed(ApiKeyScope.Read)
            .WithDescription("Prices a job without holding anything. " + DataChecks)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        jobs.MapGet("/", ListAsync);
        jobs.MapGet("/{id:guid}", GetAsync);
        jobs.MapGet("/{id:guid}/trials", TrialsAsync);
        jobs.MapGet("/{id:guid}/events", EventsAsync);
        jobs.MapPost("/{id:guid}/cancel", CancelAsync);
    }

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> SubmitAsync(
        SubmitJobRequest request, CurrentUser current, JobSubmission submission, CancellationToken ct,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null) =>
        OutcomeResults.AcceptedJob(await submission.SubmitAsync(current.Id, request, idempotencyKey, ct));

    private static async Task<Results<Ok<QuoteView>, ProblemHttpResult>> QuoteAsync(
        SubmitJobRequest request, CurrentUser current, JobQuote quote, CancellationToken ct) =>
        OutcomeResults.Ok(await quote.QuoteAsync(current.Id, request, ct));

    private static async Task<Results<Ok<Page<JobView>>, ValidationProblem>> ListAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var page = await KeysetPage.ReadAsync(db.Jobs.AsNoTracking().Where(j => j.UserId == current.Id), pageSize, cursor, JobViews.ToView, ct);
        return page is null ? ProblemResults.Validation("cursor", KeysetPage.BadCursor) : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct) =>
        await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == current.Id, ct) is { } job
            ? TypedResults.Ok(job.ToView())
            : ProblemResults.NotFound(JobViews.Missing);

    private static async Task<Results<Ok<Page<TrialView>>, ProblemHttpResult>> TrialsAsync(Guid id, CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct)
    {
        if (!await db.Jobs.AnyAsync(j => j.Id == id && j.UserId == current.Id, ct))
        {
            return ProblemResults.NotFound(JobViews.Missing);
        }
        var trials = await db.Trials.AsNoTracking().Where(t => t.JobId == id).OrderBy(t => t.N).ToListAsync(ct);
        return TypedResults.Ok(new Page<TrialView>(
            trials.Select(t => new TrialView(t.N, t.Learner, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(t.ParamsJson)!, t.Score, t.Seconds)).ToList(), null));
    }

    private static async Task<Results<Ok<Page<EventMessage>>, ProblemHttpResult>> EventsAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct, long after = 0)
    {
        if (!await db.Jobs.AnyAsync(j => j.Id == id && j.UserId == current.Id, ct))
        {
            return ProblemResults.NotFound(JobViews.Missing);
        }
        var events = await db.JobEvents.AsNoTracking()
            .Where(e => e.UserId == current.Id && e.JobId == id && e.Seq > after)
            .OrderBy(e => e.Seq).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(new Page<EventMessage>(events.Select(EventMessage.From).ToList(), null));
    }

    /// <summary>A queued job is cancelled at once and its hold released; a running one is stopped by its worker within 2 s.</summary>
    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CancelAsync(
        Guid id, CurrentUser current, JobCancel cancel, CancellationToken ct) =>
        OutcomeResults.AcceptedJob(await cancel.CancelAsync(current.Id, id, ct));
}
