using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Models;

/// <summary>
/// Tells every API instance that a model is ready, so each loads its bundle before the first prediction asks for it
/// (the load reads the blob and builds the ML.NET pipelines: tens of milliseconds warm, seconds on a busy instance).
/// A lost announcement costs only that first prediction its load.
/// </summary>
public sealed class ModelAnnouncements(IConnectionMultiplexer redis, IOptions<PlatformOptions> options, ILogger<ModelAnnouncements> logger)
{
    public RedisChannel Channel => RedisChannel.Literal(options.Value.RedisPrefix + "models:ready");

    public async Task AnnounceAsync(Guid modelId, string bundleKey)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, $"{modelId:N} {bundleKey}");
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Model {ModelId} is ready but could not be announced; each API instance loads it on its first prediction", modelId);
        }
    }

    public static bool TryParse(string? message, out Guid modelId, out string bundleKey)
    {
        bundleKey = "";
        var space = message?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space <= 0 || !Guid.TryParseExact(message![..space], "N", out modelId))
        {
            modelId = Guid.Empty;
            return false;
        }
        bundleKey = message[(space + 1)..];
        return bundleKey.Length > 0;
    }
}
