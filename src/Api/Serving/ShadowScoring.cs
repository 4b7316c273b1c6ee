using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using AutoMl.Api.Models;
using AutoMl.Infrastructure.Registry;
using AutoMl.Ml.Bundle;

namespace AutoMl.Api.Serving;

internal sealed record ShadowRequest(Guid RequestId, Guid EndpointId, Guid UserId, ResolvedAlias Challenger,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, string InputsJson, double SampleRate);

/// <summary>
/// Scores shadow challengers after the champion answered, one at a time in the background: the client never waits
/// for it, and it never takes a prediction slot from paid requests (it uses at most one core). Past 1,000 waiting,
/// a shadow request is dropped and counted (automl.shadow_predictions.dropped).
/// </summary>
internal sealed class ShadowScoring(ModelCache cache, PredictionLogWriter logs, TimeProvider clock, ILogger<ShadowScoring> logger, IMeterFactory meters) : BackgroundService
{
    private readonly Channel<ShadowRequest> queue = Channel.CreateBounded<ShadowRequest>(new BoundedChannelOptions(1_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly Counter<long> dropped = meters.Create("AutoMl.Api").CreateCounter<long>("automl.shadow_predictions.dropped");

    public void Score(ShadowRequest request)
    {
        if (!queue.Writer.TryWrite(request))
        {
            dropped.Add(1);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await ScoreAsync(request, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: shadows still waiting are not scored (nobody waits for them).
        }
    }

    private async Task ScoreAsync(ShadowRequest request, CancellationToken ct)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var bundle = await cache.GetAsync(request.Challenger.ModelId, request.Challenger.BundleKey, ct);
            var predictions = DecisionThreshold.Apply(bundle, bundle.Predict(request.Rows, false), request.Challenger.Threshold);
            logs.Write(new PredictionLog
            {
                At = clock.GetUtcNow(),
                RequestId = request.RequestId,
                Role = PredictionLog.Shadow,
                EndpointId = request.EndpointId,
                UserId = request.UserId,
                Version = request.Challenger.Version,
                ModelId = request.Challenger.ModelId,
                Rows = request.Rows.Count,
                InputsJson = request.InputsJson,
                OutputsJson = JsonSerializer.Serialize(OnlinePrediction.Answer(predictions, 0).Predictions, JsonSerializerOptions.Web),
                LatencyMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                SampleRate = request.SampleRate,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The shadow challenger (version {Version}) could not score request {RequestId}", request.Challenger.Version, request.RequestId);
        }
    }
}
