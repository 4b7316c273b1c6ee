using StackExchange.Redis;

namespace AutoMl.Infrastructure.Redis;

/// <summary>
/// Redis (the job queue, announcements, locks) did not answer. The one failure callers outside Infrastructure catch,
/// so they decide what to do without knowing which client library is underneath: Postgres stays the truth (ADR 1),
/// and whatever Redis would have carried is done again later or locally.
/// </summary>
public sealed class PlatformUnavailableException : Exception
{
    public PlatformUnavailableException()
    {
    }

    public PlatformUnavailableException(string message)
        : base(message)
    {
    }

    public PlatformUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A Redis client failure, or a Redis command that ran out of time (RedisTimeoutException is a TimeoutException).</summary>
    internal static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;
}
