using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMl.Api.Outcomes;

/// <summary>The one mapping of a use case's <see cref="Outcome{T}"/> to HTTP.</summary>
internal static class OutcomeResults
{
    /// <summary>202 with the job and its address: a job admitted, found again by its Idempotency-Key, or asked to stop.</summary>
    public static Results<Accepted<JobView>, ProblemHttpResult> AcceptedJob(Outcome<Job> outcome) =>
        outcome.Match<Results<Accepted<JobView>, ProblemHttpResult>>(
            job => TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job.ToView()), r => Problem(r));

    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(Outcome<T> outcome) =>
        outcome.Match<Results<Ok<T>, ProblemHttpResult>>(value => TypedResults.Ok(value), r => Problem(r));

    public static ProblemHttpResult Problem(Refusal refusal)
    {
        var extensions = new Dictionary<string, object?>();
        if (refusal.Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] };
        }
        if (refusal.Code is not null)
        {
            extensions["code"] = refusal.Code;
            extensions["overridable"] = refusal.Overridable;
        }
        return ProblemResults.Problem(refusal.Status, refusal.Title, refusal.Detail, extensions.Count == 0 ? null : extensions);
    }
}
