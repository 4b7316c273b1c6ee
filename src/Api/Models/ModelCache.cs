using AutoMl.Infrastructure.Blobs;
using AutoMl.Ml.Bundle;
using Microsoft.Extensions.Caching.Memory;

namespace AutoMl.Api.Models;

/// <summary>
/// Bundles loaded once per API process and kept while used: loading reads the blob and builds ML.NET
/// pipelines (tens of milliseconds), a prediction on a loaded bundle takes microseconds.
/// </summary>
internal sealed class ModelCache(IBlobStore blobs) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 64 });

    public Task<ModelBundle> GetAsync(Guid modelId, string bundleKey, CancellationToken ct)
    {
        var lazy = cache.GetOrCreate(modelId, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Lazy<Task<ModelBundle>>(() => LoadAsync(bundleKey));
        })!;
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            cache.Remove(modelId);
        }
        return task.WaitAsync(ct);
    }

    public void Forget(Guid modelId) => cache.Remove(modelId);

    /// <summary>Whether the bundle is loaded here, so a prediction with it pays no load.</summary>
    public bool IsLoaded(Guid modelId) =>
        cache.TryGetValue(modelId, out Lazy<Task<ModelBundle>>? lazy) && lazy is { IsValueCreated: true, Value.IsCompletedSuccessfully: true };

    public void Dispose() => cache.Dispose();

    private async Task<ModelBundle> LoadAsync(string key)
    {
        await using var stream = await blobs.OpenReadAsync(key, CancellationToken.None);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        return ModelBundle.Load(buffer);
    }
}
