using AutoMl.Api.Jobs;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Evaluations;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Evaluations;

/// <summary>
/// POST /models/{id}/evaluations: a priced job over a labelled data set, admitted like a batch prediction
/// (<see cref="JobAdmission"/>), with its evaluation row written in the same transaction as the job and its hold: no
/// evaluation without its charge, no charge without its evaluation. The same Idempotency-Key answers the first one.
/// </summary>
internal sealed class EvaluationSubmission(AutoMlDbContext db, JobAdmission admission, JobIdempotency idempotency)
{
    public async Task<Outcome<(ModelEvaluation Evaluation, Job Job)>> SubmitAsync(
        Guid user, Guid modelId, EvaluationRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (JobIdempotency.Invalid(idempotencyKey) is { } invalid)
        {
            return invalid;
        }
        if (await EarlierAsync(user, modelId, idempotencyKey, ct) is { } earlier)
        {
            return earlier;
        }
        var checkedTerms = await CheckAsync(user, modelId, request.DatasetId, ct);
        if (!checkedTerms.IsDone(out var terms, out var refusal))
        {
            return refusal;
        }
        var (_, dataset) = terms;
        var plan = await admission.PlanAsync(user, ct);
        var job = admission.NewJob(user, JobKind.Evaluate, plan, dataset.Id, Pricing.Prediction(dataset.Rows ?? 0));
        job.ModelId = modelId;
        job.DatasetVersion = dataset.Version;
        job.IdempotencyKey = idempotencyKey;
        var evaluation = new ModelEvaluation
        {
            Id = Guid.CreateVersion7(),
            ModelId = modelId,
            UserId = user,
            DatasetId = dataset.Id,
            JobId = job.Id,
            Status = JobLifecycle.Initial.ToString().ToLowerInvariant(),
            CreatedAt = job.CreatedAt,
        };
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var admitted = await admission.AdmitAsync(job, new HoldWording($"Evaluation {job.Id:N}",
                $"Evaluating on {dataset.Rows:N0} rows costs {job.HeldCredits} credits", "evaluating", "Buy credits, or evaluate on fewer rows."), ct);
            if (!admitted.IsDone(out _, out var shortfall))
            {
                await tx.RollbackAsync(ct);
                return shortfall;
            }
            db.ModelEvaluations.Add(evaluation);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (JobIdempotency.LostRace(e, idempotencyKey))
        {
            db.ChangeTracker.Clear();
            if (await EarlierAsync(user, modelId, idempotencyKey, ct) is { } first)
            {
                return first;
            }
            throw;
        }
        await admission.EnqueueAsync(job, ct);
        await db.Datasets.Where(d => d.Id == dataset.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastUsedAt, job.CreatedAt), ct);
        return (evaluation, job);
    }

    /// <summary>The model and data set, both the user's (404 otherwise), the data set ready and holding every column the model reads (422).</summary>
    public async Task<Outcome<(Model Model, Dataset Dataset)>> CheckAsync(Guid user, Guid modelId, Guid datasetId, CancellationToken ct)
    {
        if (!(await FindAsync(user, modelId, datasetId, ct)).IsDone(out var found, out var refusal))
        {
            return refusal;
        }
        if (MissingColumns(found.Model, found.Dataset) is { Count: > 0 } missing)
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, "Columns missing", MissingSentence(found.Model, found.Dataset, missing), "datasetId");
        }
        return found;
    }

    /// <summary>The model and data set, both the user's (404 otherwise), the data set ready (409).</summary>
    public async Task<Outcome<(Model Model, Dataset Dataset)>> FindAsync(Guid user, Guid modelId, Guid datasetId, CancellationToken ct)
    {
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId && m.UserId == user, ct);
        if (model is null)
        {
            return Refusal.NotFound("No model with this id exists in your account.");
        }
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId && d.UserId == user, ct);
        if (dataset is null)
        {
            return Refusal.NotFound("No data set with this id exists in your account.") with { Field = "datasetId" };
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            return Refusal.Conflict("This data set is not ready; evaluate once its status is 'ready'.");
        }
        return (model, dataset);
    }

    /// <summary>The model's target and input columns the data set lacks, the target first.</summary>
    public static List<string> MissingColumns(Model model, Dataset dataset)
    {
        var present = DatasetColumns.Names(dataset.ColumnsJson);
        var inputs = Models.ModelViews.Read<List<ModelInputColumn>>(model.InputColumnsJson).Select(c => c.Name);
        return inputs.Prepend(model.Target).Distinct(StringComparer.Ordinal).Where(c => !present.Contains(c)).ToList();
    }

    public static string MissingSentence(Model model, Dataset dataset, List<string> missing)
    {
        var target = missing.Contains(model.Target) ? $" (the target, '{model.Target}', is among them: an evaluation needs the true values)" : "";
        return $"The data set '{dataset.Name}' lacks {Columns(missing)} the model needs{target}. Upload a file with the model's columns.";
    }

    private static string Columns(List<string> names)
    {
        var shown = names.Take(10).Select(n => $"'{n}'").ToList();
        var more = names.Count > shown.Count ? $" and {names.Count - shown.Count} more" : "";
        return (names.Count == 1 ? "the column " : "the columns ") + string.Join(", ", shown) + more;
    }

    private async Task<Outcome<(ModelEvaluation, Job)>?> EarlierAsync(Guid user, Guid modelId, string? key, CancellationToken ct)
    {
        if (await idempotency.EarlierAsync(user, key, JobKind.Evaluate, modelId, ct) is not { } earlier)
        {
            return null;
        }
        if (!earlier.IsDone(out var job, out var refusal))
        {
            return refusal;
        }
        // Written in the job's transaction: an evaluate job always has its evaluation.
        return (await db.ModelEvaluations.AsNoTracking().SingleAsync(e => e.JobId == job.Id, ct), job);
    }
}
