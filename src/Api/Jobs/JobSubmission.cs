using AutoMl.Api.Outcomes;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

/// <summary>POST /jobs: a training request checked (<see cref="TrainingRequestCheck"/>), priced and admitted (<see cref="JobAdmission"/>).</summary>
internal sealed class JobSubmission(AutoMlDbContext db, TrainingRequestCheck check, JobAdmission admission, JobIdempotency idempotency)
{
    /// <returns>The admitted job, or the first job sent with the same Idempotency-Key.</returns>
    public async Task<Outcome<Job>> SubmitAsync(Guid user, SubmitJobRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (JobIdempotency.Invalid(idempotencyKey) is { } invalid)
        {
            return invalid;
        }
        if (await idempotency.EarlierAsync(user, idempotencyKey, JobKind.Train, null, ct) is { } earlier)
        {
            return earlier;
        }
        if (!(await check.CheckAsync(user, request, ct)).IsDone(out var terms, out var refusal))
        {
            return refusal;
        }
        RegisteredModel? registered = null;
        if (request.RegisteredModel is { } name)
        {
            registered = await db.RegisteredModels.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user && r.Name == name, ct);
            if (registered is null)
            {
                return Refusal.NotFound($"No registered model named '{name}' exists in your account: create it first (POST /api/v1/registered-models), or leave registeredModel out.") with { Field = "registeredModel" };
            }
            var differences = SchemaFit.Differences(terms.Task is null ? null : registered.Task, registered.Target, null, terms.Task ?? "", request.Target, []);
            if (differences.Count > 0)
            {
                return new Refusal(StatusCodes.Status422UnprocessableEntity, "Does not fit the registered model",
                    $"This job's model could not become a version of {registered.Name}: {string.Join("; ", differences)}.", "registeredModel");
            }
        }
        var job = admission.NewJob(user, JobKind.Train, terms.Plan, terms.DatasetId, terms.Price.Credits);
        job.DatasetVersion = terms.DatasetVersion;
        job.Target = request.Target;
        job.Task = terms.Task;
        job.Metric = terms.Metric;
        job.BudgetSeconds = request.BudgetSeconds;
        job.ExcludedColumns = [.. (request.ExcludedColumns ?? []).Union(terms.ExcludedByChecks, StringComparer.Ordinal)];
        job.ExcludedByChecks = [.. terms.ExcludedByChecks];
        job.IdempotencyKey = idempotencyKey;
        job.RegisteredModelId = registered?.Id;
        job.RegisteredModelName = registered?.Name;

        Outcome<Job> admitted;
        try
        {
            admitted = await admission.AdmitAsync(job, new HoldWording($"Training job {job.Id:N}", $"This job holds {job.HeldCredits} credits",
                "starting new jobs", "Lower the budget, or buy credits."), ct);
        }
        catch (DbUpdateException e) when (JobIdempotency.LostRace(e, idempotencyKey))
        {
            db.ChangeTracker.Clear();
            return (await idempotency.EarlierAsync(user, idempotencyKey, JobKind.Train, null, ct))!;
        }
        if (admitted is Outcome<Job>.Done)
        {
            await db.Datasets.Where(d => d.Id == job.DatasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastUsedAt, job.CreatedAt), ct);
        }
        return admitted;
    }
}
