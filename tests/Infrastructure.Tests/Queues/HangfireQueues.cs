using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Queues;
using AutoMl.Testing;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Tests.Queues;

/// <summary>Hangfire on the real Redis under a key prefix of its own, with the weighted storage the worker uses.</summary>
public sealed class HangfireQueues : IAsyncDisposable
{
    private readonly string prefix = $"test:{Guid.NewGuid():N}:";
    private readonly Guid run = Guid.NewGuid();
    private readonly ConnectionMultiplexer redis;
    private readonly JobStorage storage;
    private BackgroundJobServer? server;

    public HangfireQueues()
    {
        redis = ConnectionMultiplexer.Connect(TestStack.Redis);
        storage = HangfireStorageSetup.CreateStorage(redis, prefix);
    }

    public IReadOnlyList<string> Started => StartedJobs.Of(run);

    public void Enqueue(string queue, int count)
    {
        var client = new BackgroundJobClient(storage);
        var runId = run;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            _ => client.Create(Job.FromExpression(() => StartedJobs.Record(runId, queue)), new EnqueuedState(queue)));
    }

    /// <summary>
    /// Puts a job on a queue the way the storage's enqueue does, but without the pub/sub message that wakes sleeping
    /// workers: a notification Redis dropped. The job is created scheduled (which publishes nothing), then moved.
    /// </summary>
    public async Task EnqueueUnannouncedAsync(string queue)
    {
        var client = new BackgroundJobClient(storage);
        var runId = run;
        var id = client.Create(Job.FromExpression(() => StartedJobs.Record(runId, queue)), new ScheduledState(TimeSpan.FromDays(1)));
        var db = redis.GetDatabase();
        var key = prefix + "hangfire:";
        await db.SortedSetRemoveAsync(key + "schedule", id);
        await db.HashSetAsync(key + "job:" + id, "State", EnqueuedState.StateName);
        await db.SetAddAsync(key + "queues", queue);
        await db.ListLeftPushAsync(key + "queue:" + queue, id);
    }

    public void StartServer(int workers) =>
        server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = workers,
            Queues = QueueNames.All,
            ServerName = $"queue-test-{run:N}",
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        }, storage);

    public async Task<IReadOnlyList<string>> WaitForStartsAsync(int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Started.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var started = Started;
        Assert.True(started.Count >= count, $"only {started.Count} of {count} jobs started within {seconds} s");
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        server?.SendStop();
        server?.Dispose();
        StartedJobs.Forget(run);
        var endpoint = redis.GetEndPoints()[0];
        var db = redis.GetDatabase();
        await foreach (var key in redis.GetServer(endpoint).KeysAsync(pattern: prefix + "*"))
        {
            await db.KeyDeleteAsync(key);
        }
        await redis.DisposeAsync();
    }
}
