using System.Collections.Concurrent;

namespace AutoMl.Api.Caching;

/// <summary>
/// Rows read from Postgres that another instance may change, remembered for a short while so hot requests skip the read.
/// A change is announced over Redis and <c>Forget</c> drops what it touched at once; the time limit is only the
/// fallback for an announcement lost while Redis was away, so nothing is remembered until <see cref="ListenAsync"/> has
/// taken every subscription. A read that began before a forget (it may have read the old row) is not remembered: take
/// <see cref="Generation"/> before reading and give it back to <see cref="Remember"/>.
/// </summary>
internal sealed class BriefMemory<TKey, TValue>(TimeProvider clock, TimeSpan remembered, int sweepAbove = 100_000)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private readonly List<IAsyncDisposable> subscriptions = [];
    private long generation;
    private volatile bool listening;

    private sealed record Entry(TValue Value, DateTimeOffset Until);

    /// <summary>
    /// Takes the subscriptions to the announcements that keep this memory true; it remembers only once every one is
    /// taken. A subscription that fails (Redis away) throws, and the memory then remembers nothing.
    /// </summary>
    public async Task ListenAsync(params Func<Task<IAsyncDisposable>>[] subscribe)
    {
        foreach (var one in subscribe)
        {
            var subscription = await one();
            lock (subscriptions)
            {
                subscriptions.Add(subscription);
            }
        }
        listening = true;
    }

    public async Task StopListeningAsync()
    {
        listening = false;
        IAsyncDisposable[] taken;
        // A host may stop its services more than once, the second while the first still awaits its unsubscribes.
        lock (subscriptions)
        {
            taken = [.. subscriptions];
            subscriptions.Clear();
        }
        foreach (var subscription in taken)
        {
            await subscription.DisposeAsync();
        }
    }

    public long Generation => Interlocked.Read(ref generation);

    public TValue? Find(TKey key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        if (entry.Until > clock.GetUtcNow())
        {
            return entry.Value;
        }
        entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        return null;
    }

    /// <summary>Remembers a row read after <paramref name="readAt"/>, unless something was forgotten since.</summary>
    public void Remember(TKey key, TValue value, long readAt)
    {
        if (!listening || remembered <= TimeSpan.Zero || Generation != readAt)
        {
            return;
        }
        if (entries.Count > sweepAbove)
        {
            Sweep();
        }
        entries[key] = new Entry(value, clock.GetUtcNow() + remembered);
        // A forget that ran between the check above and the store may have missed the entry: undo it.
        if (Generation != readAt)
        {
            entries.TryRemove(key, out _);
        }
    }

    /// <summary>Replaces what is remembered under <paramref name="key"/> if it is still <paramref name="old"/>, keeping its time limit.</summary>
    public void Replace(TKey key, TValue old, TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && ReferenceEquals(entry.Value, old))
        {
            entries.TryUpdate(key, entry with { Value = value }, entry);
        }
    }

    public void Forget(TKey key)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove(key, out _);
    }

    public void Forget(Func<TKey, TValue, bool> which)
    {
        Interlocked.Increment(ref generation);
        foreach (var (key, entry) in entries)
        {
            if (which(key, entry.Value))
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in entries)
        {
            if (entry.Until <= now)
            {
                entries.TryRemove(key, out _);
            }
        }
    }
}
