using System.Collections.Concurrent;

namespace AutoMl.Infrastructure.Tests.Queues;

/// <summary>The job the queue tests enqueue: it only notes, per test run, which queue it came from, in start order.</summary>
public static class StartedJobs
{
    private static readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> Runs = new();

    public static void Record(Guid run, string queue) => Runs.GetOrAdd(run, _ => new()).Enqueue(queue);

    public static IReadOnlyList<string> Of(Guid run) => Runs.TryGetValue(run, out var started) ? [.. started] : [];

    public static void Forget(Guid run) => Runs.TryRemove(run, out _);
}
