using StackExchange.Redis;

namespace AutoMl.Infrastructure.Redis;

/// <summary>Whether Redis answers, and how fast, for start-up logs.</summary>
public sealed class RedisProbe(IConnectionMultiplexer redis)
{
    /// <exception cref="PlatformUnavailableException">Redis did not answer.</exception>
    public async Task<TimeSpan> PingAsync()
    {
        try
        {
            return await redis.GetDatabase().PingAsync();
        }
        catch (Exception e) when (PlatformUnavailableException.IsRedisFailure(e))
        {
            throw new PlatformUnavailableException("Redis does not answer.", e);
        }
    }
}
