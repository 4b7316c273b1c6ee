using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Api.Models;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Serving;

/// <summary>
/// Predictions through an endpoint: the aliases resolved for this request, the champion or (by the split's draw) the
/// challenger answers, priced and charged as a model's online prediction is, and the request is logged; a shadow
/// challenger then scores the same rows off the request's path, logged and never returned.
/// </summary>
internal static class EndpointPrediction
{
    public static async Task<Results<Ok<EndpointPredictResponse>, ProblemHttpResult, ValidationProblem>> PredictAsync(
        string name, PredictRequest request, CurrentUser current, AutoMlDbContext db, OnlinePrediction prediction, PredictionLogWriter logs,
        ShadowScoring shadows, EmailTemplates emails, HttpContext http, TimeProvider clock, CancellationToken ct, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        if (OnlinePrediction.Check(request, idempotencyKey) is { } invalid)
        {
            return invalid.Typed<EndpointPredictResponse>(_ => throw new InvalidOperationException());
        }
        if (await EndpointResolver.ResolveAsync(db, current.Id, name, ct) is not { } resolved)
        {
            return ProblemResults.NotFound(ServingEndpointRoutes.Missing(name));
        }
        var endpoint = resolved.Endpoint;
        var serving = resolved.Challenger is { } challenger
            && TrafficSplit.ChallengerServes(endpoint.ChallengerMode, endpoint.ChallengerPercent, Random.Shared.NextDouble() * 100)
            ? challenger
            : resolved.Champion;
        if (serving is null)
        {
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Nothing to serve",
                $"The alias {endpoint.Alias} of {resolved.RegisteredModel} names no version, so the endpoint {name} has nothing to serve: point the alias at a version (PUT /api/v1/registered-models/{resolved.RegisteredModel}/aliases/{endpoint.Alias}).");
        }
        var run = await prediction.RunAsync(http, current.Id, new PredictionTarget(serving.ModelId, serving.BundleKey, serving.Threshold),
            $"Endpoint prediction: {request.Rows!.Count} rows through endpoint {name}", $"endpoint {endpoint.Id:N}", request, idempotencyKey, ct);
        if (run.Done is not { } done)
        {
            return run.Typed<EndpointPredictResponse>(_ => throw new InvalidOperationException());
        }
        // A retry with the same Idempotency-Key is the same request: it gets the first answer's id, and the log
        // (and a shadow challenger) saw it once already.
        var requestId = idempotencyKey is null ? Guid.CreateVersion7() : RequestId(current.Id, endpoint.Id, idempotencyKey);
        var rate = done.Replayed ? null : await logs.SampleAsync(endpoint.Id, PredictionLogPlan.For(resolved.Tier));
        if (rate is { } sampled)
        {
            var inputs = JsonSerializer.Serialize(request.Rows, JsonSerializerOptions.Web);
            logs.Write(new PredictionLog
            {
                At = clock.GetUtcNow(),
                RequestId = requestId,
                Role = PredictionLog.Served,
                EndpointId = endpoint.Id,
                UserId = current.Id,
                Version = serving.Version,
                ModelId = serving.ModelId,
                Rows = request.Rows.Count,
                InputsJson = inputs,
                OutputsJson = JsonSerializer.Serialize(done.Response.Predictions, JsonSerializerOptions.Web),
                LatencyMs = done.Milliseconds,
                SampleRate = sampled,
            });
            if (endpoint.ChallengerMode == ChallengerMode.Shadow && resolved.Challenger is { } shadow)
            {
                shadows.Score(new ShadowRequest(requestId, endpoint.Id, current.Id, shadow, OnlinePrediction.Inputs(request), inputs, sampled));
            }
        }
        await ColumnChecks.AlertMissingAsync(db, emails, resolved, request, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new EndpointPredictResponse(requestId, resolved.RegisteredModel, serving.Version, serving.Alias, serving.ModelId,
            done.Response.Predictions, done.Response.CreditsCharged));
    }

    private static Guid RequestId(Guid userId, Guid endpointId, string idempotencyKey)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{userId:N}|{endpointId:N}|{idempotencyKey}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>A batch prediction job with the version the endpoint's alias names now (a split's challenger is for online traffic).</summary>
    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> BatchAsync(
        string name, BatchPredictionRequest request, CurrentUser current, AutoMlDbContext db, BatchPredictionSubmission submission, CancellationToken ct)
    {
        if (await EndpointResolver.ResolveAsync(db, current.Id, name, ct) is not { } resolved)
        {
            return ProblemResults.NotFound(ServingEndpointRoutes.Missing(name));
        }
        if (resolved.Champion is not { } champion)
        {
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Nothing to serve",
                $"The alias {resolved.Endpoint.Alias} of {resolved.RegisteredModel} names no version, so the endpoint {name} has nothing to predict with.");
        }
        return OutcomeResults.AcceptedJob(await submission.SubmitAsync(current.Id, champion.ModelId, request, null, ct));
    }

    public static async Task<Results<Ok<FeedbackView>, ProblemHttpResult, ValidationProblem>> FeedbackAsync(
        string name, FeedbackRequest request, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.RequestId is not { } requestId)
        {
            return ProblemResults.Validation("requestId", "Name the prediction (requestId, as the endpoint answered it).");
        }
        if (request.Actual is not { } actual || actual.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object
            || (actual.ValueKind == JsonValueKind.Array && (actual.GetArrayLength() is 0 or > OnlinePrediction.MaxRows
                || actual.EnumerateArray().Any(v => v.ValueKind is JsonValueKind.Array or JsonValueKind.Object))))
        {
            return ProblemResults.Validation("actual", "Send the true value (actual): a number, text or true/false for a one-row request, or an array of them, one per row.");
        }
        var endpointId = await db.Endpoints.AsNoTracking().Where(e => e.UserId == current.Id && e.Name == name).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (endpointId is null)
        {
            return ProblemResults.NotFound(ServingEndpointRoutes.Missing(name));
        }
        var now = clock.GetUtcNow();
        var json = actual.GetRawText();
        // Sent again, the latest truth wins; a request id of another endpoint or account is never overwritten.
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO prediction_feedback (request_id, endpoint_id, user_id, actual_json, at) VALUES ({requestId}, {endpointId.Value}, {current.Id}, {json}::jsonb, {now})
            ON CONFLICT (request_id) DO UPDATE SET actual_json = excluded.actual_json, at = excluded.at
            WHERE prediction_feedback.endpoint_id = excluded.endpoint_id AND prediction_feedback.user_id = excluded.user_id
            """, ct);
        return written == 0
            ? ProblemResults.Conflict("This requestId belongs to another endpoint's prediction; send feedback to the endpoint that answered it.")
            : TypedResults.Ok(new FeedbackView(requestId, now));
    }
}
