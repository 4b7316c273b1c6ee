using System.ComponentModel;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Api.Outcomes;
using AutoMl.Api.Paging;
using AutoMl.Api.RateLimiting;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Evaluations;

/// <summary>A model evaluated on its owner's labelled data (issue 29): quoted, submitted as a priced job, listed and read.</summary>
internal static class EvaluationEndpoints
{
    private const string MissingModel = "No model with this id exists in your account.";

    public static void MapEvaluationEndpoints(this RouteGroupBuilder models)
    {
        models.MapPost("/{id:guid}/evaluations", SubmitAsync).RateLimited(RouteClass.JobSubmission);
        models.MapPost("/{id:guid}/evaluations/quote", QuoteAsync);
        models.MapGet("/{id:guid}/evaluations", ListAsync);
        models.MapGet("/{id:guid}/evaluations/{evaluationId:guid}", GetAsync);
    }

    private static async Task<Results<Accepted<EvaluationSubmitted>, ProblemHttpResult>> SubmitAsync(
        Guid id, EvaluationRequest request, CurrentUser current, EvaluationSubmission submission, AutoMlDbContext db, CancellationToken ct,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        if (!(await submission.SubmitAsync(current.Id, id, request, idempotencyKey, ct)).IsDone(out var made, out var refusal))
        {
            return OutcomeResults.Problem(refusal);
        }
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        var view = (await EvaluationViews.ReadAsync(db, model, [made.Evaluation], withCurves: true, ct, made.Job)).Single();
        return TypedResults.Accepted($"/api/v1/models/{id}/evaluations/{made.Evaluation.Id}", new EvaluationSubmitted(view, made.Job.ToView()));
    }

    private static async Task<Results<Ok<EvaluationQuote>, ProblemHttpResult>> QuoteAsync(
        Guid id, EvaluationRequest request, CurrentUser current, EvaluationSubmission submission, AutoMlDbContext db, CancellationToken ct)
    {
        // A data set without the model's columns is an answer here, not an error: the page quotes whatever data set is picked.
        if (!(await submission.FindAsync(current.Id, id, request.DatasetId, ct)).IsDone(out var found, out var refusal))
        {
            return OutcomeResults.Problem(refusal);
        }
        var rows = found.Dataset.Rows ?? 0;
        var missing = EvaluationSubmission.MissingColumns(found.Model, found.Dataset);
        var account = await db.CreditAccounts.AsNoTracking().Where(a => a.UserId == current.Id).Select(a => new { a.Balance, a.Held }).SingleOrDefaultAsync(ct);
        return TypedResults.Ok(new EvaluationQuote(Pricing.Prediction(rows), rows, account is null ? 0 : Math.Max(0, account.Balance - account.Held),
            missing, missing.Count > 0 ? EvaluationSubmission.MissingSentence(found.Model, found.Dataset, missing) : null));
    }

    private static async Task<Results<Ok<Page<EvaluationView>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct,
        [Description("1 to 100; 20 by default.")] int pageSize = 20,
        string? cursor = null)
    {
        if (pageSize is < 1 or > 100)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 100.");
        }
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.UserId == current.Id, ct);
        if (model is null)
        {
            return ProblemResults.NotFound(MissingModel);
        }
        var page = await KeysetPage.ReadAsync(db.ModelEvaluations.AsNoTracking().Where(e => e.ModelId == id && e.UserId == current.Id), pageSize, cursor, e => e, ct);
        if (page is null)
        {
            return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
        }
        return TypedResults.Ok(new Page<EvaluationView>(await EvaluationViews.ReadAsync(db, model, page.Items, withCurves: false, ct), page.NextCursor));
    }

    private static async Task<Results<Ok<EvaluationView>, ProblemHttpResult>> GetAsync(
        Guid id, Guid evaluationId, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.UserId == current.Id, ct);
        var evaluation = model is null ? null
            : await db.ModelEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evaluationId && e.ModelId == id && e.UserId == current.Id, ct);
        if (model is null || evaluation is null)
        {
            return ProblemResults.NotFound(model is null ? MissingModel : "No evaluation with this id exists for this model.");
        }
        return TypedResults.Ok((await EvaluationViews.ReadAsync(db, model, [evaluation], withCurves: true, ct)).Single());
    }
}
