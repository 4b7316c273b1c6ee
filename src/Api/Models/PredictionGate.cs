using AutoMl.Api.Hosting;
using AutoMl.Infrastructure;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Models;

/// <summary>
/// How many online predictions run at once on this instance (AutoMl__Predictions__MaxConcurrent). A prediction with
/// SHAP is CPU-bound for as long as its rows take; past the bound a request waits a short while
/// (AutoMl__Predictions__QueueMilliseconds) and is then turned away with a 503, so the instance keeps cores for
/// everything else and a client retries where there is room.
/// </summary>
internal sealed class PredictionGate(IOptions<PlatformOptions> options) : IDisposable
{
    private readonly ConcurrencySlots slots = new(options.Value.Predictions.MaxConcurrent);
    private readonly TimeSpan wait = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.Predictions.QueueMilliseconds));

    /// <returns>A slot to dispose when the prediction is done, or null when every slot is taken.</returns>
    public IDisposable? TryEnter() => slots.TryEnter();

    /// <returns>A slot to dispose as soon as the model has answered, or null when none freed up within the queue wait.</returns>
    public Task<IDisposable?> EnterAsync(CancellationToken ct) => slots.EnterAsync(wait, ct);

    public void Dispose() => slots.Dispose();
}
