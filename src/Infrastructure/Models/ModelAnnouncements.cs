using AutoMl.Infrastructure.Redis;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Models;

/// <summary>
/// Tells every API instance that a model is ready, so each loads its bundle before the first prediction asks for it
/// (the load reads the blob and builds the ML.NET pipelines: tens of milliseconds warm, seconds on a busy instance).
/// A lost announcement costs only that first prediction its load.
/// </summary>
public sealed class ModelAnnouncements(Announcements announcements, ILogger<ModelAnnouncements> logger)
{
    public static readonly AnnouncementTopic<ModelReady> Ready = new("models:ready");

    public async Task AnnounceAsync(Guid modelId, string bundleKey)
    {
        try
        {
            await announcements.PublishAsync(Ready, new ModelReady(modelId, bundleKey));
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Model {ModelId} is ready but could not be announced; each API instance loads it on its first prediction", modelId);
        }
    }

    /// <inheritdoc cref="Announcements.SubscribeAsync{T}"/>
    public Task<IAsyncDisposable> SubscribeAsync(Action<ModelReady> handler) => announcements.SubscribeAsync(Ready, handler);
}

/// <summary>A model whose bundle can be loaded.</summary>
public sealed record ModelReady(Guid ModelId, string BundleKey);
