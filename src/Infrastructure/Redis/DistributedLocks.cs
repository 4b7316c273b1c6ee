using RedLockNet;

namespace AutoMl.Infrastructure.Redis;

/// <summary>
/// Locks shared by every process of the platform (RedLock over the platform's Redis). A held lock is extended while its
/// holder lives and lapses after its expiry when the holder dies, so a crashed process never blocks the others for long.
/// </summary>
public sealed class DistributedLocks(IDistributedLockFactory factory)
{
    /// <returns>The lock, to dispose when the work is done; null when another process holds it.</returns>
    /// <exception cref="PlatformUnavailableException">Redis did not answer, so nobody can tell who holds it.</exception>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan expiry)
    {
        IRedLock held;
        try
        {
            held = await factory.CreateLockAsync(name, expiry);
        }
        catch (Exception e) when (PlatformUnavailableException.IsRedisFailure(e))
        {
            throw new PlatformUnavailableException($"Redis did not answer for the lock {name}.", e);
        }
        if (held.IsAcquired)
        {
            return held;
        }
        var status = held.Status;
        await held.DisposeAsync();
        return status is RedLockStatus.NoQuorum
            ? throw new PlatformUnavailableException($"Redis did not answer for the lock {name}.")
            : null;
    }
}
