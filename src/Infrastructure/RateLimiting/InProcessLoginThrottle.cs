using System.Collections.Concurrent;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>The sign-in throttle inside this process, for when Redis cannot answer: the same waits, per API instance.</summary>
public sealed class InProcessLoginThrottle(TimeProvider clock)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, State> states = new();

    public TimeSpan Attempt(string key, LoginThrottleOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var now = clock.GetUtcNow();
        if (states.Count > SweepAbove)
        {
            Sweep(now);
        }
        var state = states.GetOrAdd(key, _ => new State());
        lock (state)
        {
            if (now < state.NextAt)
            {
                return state.NextAt - now;
            }
            state.Attempts++;
            var free = Math.Max(1, settings.FreeAttempts);
            var delay = state.Attempts < free ? 0
                : Math.Min(settings.MaxDelaySeconds, settings.FirstDelaySeconds * Math.Pow(2, Math.Min(state.Attempts - free, 40)));
            state.NextAt = now + TimeSpan.FromSeconds(delay);
            state.ForgetAt = state.NextAt + TimeSpan.FromSeconds(settings.ForgetAfterSeconds);
            return TimeSpan.Zero;
        }
    }

    public void Forget(string key) => states.TryRemove(key, out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, state) in states)
        {
            if (state.ForgetAt < now)
            {
                states.TryRemove(key, out _);
            }
        }
    }

    private sealed class State
    {
        public int Attempts { get; set; }
        public DateTimeOffset NextAt { get; set; }
        public DateTimeOffset ForgetAt { get; set; }
    }
}
