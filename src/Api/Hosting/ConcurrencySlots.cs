namespace AutoMl.Api.Hosting;

/// <summary>
/// A fixed number of slots for CPU-bound work on this instance (password hashes, online predictions): a slot is
/// handed out as a handle whose disposal gives it back once, however often it is disposed.
/// </summary>
internal sealed class ConcurrencySlots(int count) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, count));

    /// <returns>A slot, or null when every slot is taken.</returns>
    public IDisposable? TryEnter() => slots.Wait(0) ? new Slot(slots) : null;

    /// <returns>A slot, or null when none freed up within <paramref name="wait"/>.</returns>
    public async Task<IDisposable?> EnterAsync(TimeSpan wait, CancellationToken ct) =>
        await slots.WaitAsync(wait, ct) ? new Slot(slots) : null;

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
