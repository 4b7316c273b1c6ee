using AutoMl.Api.Models;
using AutoMl.Domain.Registry;

namespace AutoMl.Api.Serving;

/// <param name="Alias">The alias of the registered model that answers; percent traffic splits and shadows add a challenger.</param>
/// <param name="Percent">split: the share of requests (1 to 99) the challenger answers. shadow: ignored (it scores every request).</param>
public sealed record ChallengerSpec(string? Alias, int Percent = 0, ChallengerMode Mode = ChallengerMode.Split);

/// <param name="Name">Unique in your account: lower-case letters, digits and dashes, starting with a letter.</param>
/// <param name="RegisteredModel">The registered model it serves.</param>
/// <param name="Alias">The alias it resolves on every request; production when left out.</param>
/// <param name="Challenger">Optional: a second alias that answers a share of requests (split) or scores them unseen (shadow).</param>
public sealed record CreateEndpointRequest(string? Name, string? RegisteredModel, string? Alias = null, ChallengerSpec? Challenger = null, string? Description = null);

/// <summary>A field left out stays as it is; <c>removeChallenger: true</c> ends a split or shadow.</summary>
public sealed record UpdateEndpointRequest(string? Alias = null, ChallengerSpec? Challenger = null, bool RemoveChallenger = false, string? Description = null);

/// <param name="Serving">What its aliases name now: alias → version (null when the alias names no version).</param>
public sealed record EndpointView(
    Guid Id,
    string Name,
    string? Description,
    string RegisteredModel,
    string Alias,
    ChallengerSpec? Challenger,
    IReadOnlyDictionary<string, int?> Serving,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <param name="RequestId">Send it back with the ground truth (POST /endpoints/{name}/feedback).</param>
/// <param name="Version">The version of the registered model that answered.</param>
/// <param name="Alias">The alias that named that version for this request.</param>
public sealed record EndpointPredictResponse(
    Guid RequestId,
    string RegisteredModel,
    int Version,
    string Alias,
    Guid ModelId,
    IReadOnlyList<PredictionView> Predictions,
    long CreditsCharged);

/// <param name="RequestId">The requestId an endpoint prediction answered with.</param>
/// <param name="Actual">The true value: one value for a one-row request, or an array with one per row, in order.</param>
public sealed record FeedbackRequest(Guid? RequestId, System.Text.Json.JsonElement? Actual);

public sealed record FeedbackView(Guid RequestId, DateTimeOffset ReceivedAt);

/// <param name="Role">served: the answer the client got; shadow: the challenger's unseen answer to the same rows.</param>
/// <param name="SampleRate">The share of the endpoint's requests being logged at the time: 1 under the tier's daily cap.</param>
/// <param name="Actual">The ground truth sent as feedback, if any.</param>
public sealed record PredictionLogView(
    Guid RequestId,
    string Role,
    int Version,
    int Rows,
    System.Text.Json.JsonElement Inputs,
    System.Text.Json.JsonElement Outputs,
    double LatencyMs,
    double SampleRate,
    System.Text.Json.JsonElement? Actual,
    DateTimeOffset At);

/// <param name="Versions">Requests answered per version.</param>
/// <param name="Hours">Per hour that had requests, oldest first (a quiet hour is absent): requests, p50 and p95 latency of the prediction in milliseconds.</param>
public sealed record EndpointStatsView(long Requests, double? P50Ms, double? P95Ms, IReadOnlyDictionary<string, long> Versions, IReadOnlyList<EndpointHour> Hours);

public sealed record EndpointHour(DateTimeOffset Hour, long Requests, double P50Ms, double P95Ms);
