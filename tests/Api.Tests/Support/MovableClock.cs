namespace AutoMl.Api.Tests.Support;

/// <summary>The host's clock: the real time until a test pins it (to a signed vector's moment, say), and again after Reset.</summary>
public sealed class MovableClock : TimeProvider
{
    private DateTimeOffset? pinned;

    public override DateTimeOffset GetUtcNow() => pinned ?? System.GetUtcNow();

    public void Pin(DateTimeOffset at) => pinned = at;

    public void Reset() => pinned = null;
}
