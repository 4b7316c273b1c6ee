using System.Collections.Concurrent;
using AutoMl.Infrastructure.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Models;

/// <summary>
/// The models people predict with, shared by every API instance: a Redis sorted set (<c>{prefix}models:hot</c>, a model's
/// id scored by the time of its last online prediction, written at most once a minute per model and instance) that a
/// starting instance reads to load those models before it listens. Without it a restarted instance served each model's
/// first prediction cold, a bundle load of about 100 ms of CPU per model and instance, all at once when a crowd arrives
/// (issue 31, surge mode). Only a hint: losing it (Redis away) costs the cold loads, nothing else.
/// </summary>
public sealed class HotModels(IConnectionMultiplexer redis, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<HotModels> logger)
{
    /// <summary>How often one instance writes the same model's use.</summary>
    private static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(1);

    /// <summary>A model predicted longer ago than this is no longer hot; older uses are trimmed from the set.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> written = new();
    private long trimmedAt;

    private RedisKey Key => options.Value.RedisPrefix + "models:hot";

    /// <summary>Notes an online prediction with the model; costs a Redis write at most once a minute per model.</summary>
    public void Predicted(Guid modelId)
    {
        var now = clock.GetUtcNow();
        if (written.TryGetValue(modelId, out var last) && now - last < WriteEvery)
        {
            return;
        }
        written[modelId] = now;
        try
        {
            var db = redis.GetDatabase();
            db.SortedSetAdd(Key, modelId.ToString("N"), now.ToUnixTimeSeconds(), CommandFlags.FireAndForget);
            var trimmed = Interlocked.Read(ref trimmedAt);
            if (now.ToUnixTimeSeconds() - trimmed > WriteEvery.TotalSeconds * 10 && Interlocked.CompareExchange(ref trimmedAt, now.ToUnixTimeSeconds(), trimmed) == trimmed)
            {
                db.SortedSetRemoveRangeByScore(Key, double.NegativeInfinity, (now - Kept).ToUnixTimeSeconds(), Exclude.Stop, CommandFlags.FireAndForget);
                foreach (var (id, at) in written)
                {
                    if (now - at > Kept)
                    {
                        written.TryRemove(id, out _);
                    }
                }
            }
        }
        catch (Exception e) when (PlatformUnavailableException.IsRedisFailure(e))
        {
            logger.LogDebug(e, "Could not note model {ModelId} as hot", modelId);
        }
    }

    /// <summary>The models predicted within <see cref="Kept"/>, most recent first, at most <paramref name="count"/>.</summary>
    /// <exception cref="PlatformUnavailableException">Redis did not answer.</exception>
    public async Task<IReadOnlyList<Guid>> RecentAsync(int count)
    {
        if (count <= 0)
        {
            return [];
        }
        try
        {
            var since = (clock.GetUtcNow() - Kept).ToUnixTimeSeconds();
            var ids = await redis.GetDatabase().SortedSetRangeByScoreAsync(Key, since, double.PositiveInfinity, Exclude.None, Order.Descending, 0, count);
            return ids.Select(id => Guid.TryParseExact(id.ToString(), "N", out var model) ? model : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        }
        catch (Exception e) when (PlatformUnavailableException.IsRedisFailure(e))
        {
            throw new PlatformUnavailableException("Could not read the hot models.", e);
        }
    }
}
