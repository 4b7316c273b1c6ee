namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>A token bucket: up to <see cref="Burst"/> requests at once, refilled at <see cref="PerSecond"/>.</summary>
public sealed record BucketLimit(double PerSecond, int Burst)
{
    /// <summary>Seconds an empty bucket takes to fill: the window over which Burst requests are the sustained rate.</summary>
    public int WindowSeconds => Math.Max(1, (int)Math.Ceiling(Burst / PerSecond));
}
