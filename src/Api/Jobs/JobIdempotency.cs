using AutoMl.Api.Outcomes;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Jobs;

/// <summary>
/// The Idempotency-Key of the routes that create priced jobs (POST /jobs, /models/{id}/predictions,
/// /models/{id}/evaluations): a key answers with the job first sent with it, so a retried request holds no credits twice;
/// a key first used for another kind of request, or for another model, is refused rather than answered with a job the
/// caller did not ask for. A unique index on (user, key) settles two requests racing with one key.
/// </summary>
internal sealed class JobIdempotency(AutoMlDbContext db)
{
    public const int MaxLength = 200;

    public static Refusal? Invalid(string? key) =>
        key is { Length: > MaxLength } ? Refusal.BadRequest($"The Idempotency-Key header has at most {MaxLength} characters.") : null;

    /// <summary>The other request with the same key won the unique index: read its job with <see cref="EarlierAsync"/>.</summary>
    public static bool LostRace(DbUpdateException e, string? key) =>
        key is not null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>The job first sent with <paramref name="key"/> for this kind of request (and model), a 422 if it was sent for another, or null.</summary>
    public async Task<Outcome<Job>?> EarlierAsync(Guid user, string? key, JobKind kind, Guid? modelId, CancellationToken ct)
    {
        if (key is null
            || await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.UserId == user && j.IdempotencyKey == key, ct) is not { } earlier)
        {
            return null;
        }
        if (earlier.Kind != kind || (modelId is not null && earlier.ModelId != modelId))
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                $"This Idempotency-Key was already used for another request ({What(earlier)}). Send a new key for a new request.",
                Code: "idempotency-key-reused");
        }
        return earlier;
    }

    private static string What(Job job) => job.Kind switch
    {
        JobKind.Train => "a training job",
        JobKind.Predict => $"a batch prediction with model {job.ModelId}",
        JobKind.Evaluate => $"an evaluation of model {job.ModelId}",
        _ => $"a {job.Kind} job",
    };
}
