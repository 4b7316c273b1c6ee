namespace AutoMl.Api.Tests.Support;

/// <summary>
/// The host's clock: the real time until a test pins it (to a signed vector's moment, say) or moves it forward to see
/// what a user sees later; Reset returns it to the real time.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;
    private DateTimeOffset? pinned;

    public override DateTimeOffset GetUtcNow() => (pinned ?? System.GetUtcNow()) + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Pin(DateTimeOffset at) => pinned = at;

    public void Reset()
    {
        pinned = null;
        Interlocked.Exchange(ref offsetTicks, 0);
    }
}
