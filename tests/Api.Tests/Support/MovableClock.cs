namespace AutoMl.Api.Tests.Support;

/// <summary>The host's clock, which a test can move forward to see what a user sees later.</summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
