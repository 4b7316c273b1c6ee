namespace AutoMl.Testing;

/// <summary>
/// Waits, with a deadline, for an effect that arrives on its own time: a metric recorded after the status it follows is
/// visible, an event sent after its commit, a render after a refetch. A test that saw some other signal first reads
/// the effect itself with this, instead of asserting it at once.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads until <paramref name="done"/> holds for what was read, and returns that.</summary>
    /// <exception cref="TimeoutException">It still did not after the timeout; the message says what was awaited and what was last read.</exception>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, string awaited, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {awaited}; last read: {Describe(value)}");
            }
            await Task.Delay(Pause);
        }
    }

    /// <inheritdoc cref="ReadAsync{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?)"/>
    public static Task<T> ReadAsync<T>(Func<T> read, Func<T, bool> done, string awaited, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        return ReadAsync(() => Task.FromResult(read()), done, awaited, timeout);
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "nothing",
        string text => text,
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Take(20))}]",
        _ => value.ToString() ?? "",
    };
}
