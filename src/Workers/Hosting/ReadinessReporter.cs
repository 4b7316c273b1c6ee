using AutoMl.Infrastructure.Redis;

namespace AutoMl.Workers.Hosting;

/// <summary>Says once that the worker is connected and idle, and when it stops, so the run script and operators can tell.</summary>
internal sealed class ReadinessReporter(RedisProbe redis, WorkerOptions options, IHostApplicationLifetime lifetime, ILogger<ReadinessReporter> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var latency = await redis.PingAsync();
        logger.LogInformation("Worker ready: connected to Redis ({LatencyMs:F1} ms), serving queues {Queues} with {Count} worker(s); idle until a job arrives",
            latency.TotalMilliseconds, options.Queues, options.Count);
        lifetime.ApplicationStopping.Register(() => logger.LogInformation("Worker stopping: finishing the jobs in hand"));
        lifetime.ApplicationStopped.Register(() => logger.LogInformation("Worker stopped cleanly"));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
