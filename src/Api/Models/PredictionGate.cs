using AutoMl.Api.Hosting;
using AutoMl.Infrastructure;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Models;

/// <summary>
/// How many online predictions run at once on this instance (AutoMl__Predictions__MaxConcurrent). A prediction with
/// SHAP is CPU-bound for as long as its rows take; past the bound a request is turned away at once with a 503 rather
/// than queued, so the instance keeps cores for everything else and a client retries where there is room.
/// </summary>
internal sealed class PredictionGate(IOptions<PlatformOptions> options) : IDisposable
{
    private readonly ConcurrencySlots slots = new(options.Value.Predictions.MaxConcurrent);

    /// <returns>A slot to dispose when the prediction is done, or null when every slot is taken.</returns>
    public IDisposable? TryEnter() => slots.TryEnter();

    public void Dispose() => slots.Dispose();
}
