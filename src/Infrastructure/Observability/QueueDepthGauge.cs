using System.Diagnostics.Metrics;
using AutoMl.Domain.Queues;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Observability;

/// <summary>
/// Jobs waiting per Hangfire queue, read from the monitoring API only when a collector asks (an observable
/// gauge), so an idle process makes no Redis calls for it. Per host: each host reads its own storage.
/// </summary>
public sealed class QueueDepthGauge(JobStorage storage, IMeterFactory meters, ILogger<QueueDepthGauge> logger) : IHostedService
{
    public const string MeterName = "AutoMl.Queues";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("automl.queue.depth", Observe, "{job}", "Jobs enqueued and not yet fetched, per queue.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> Observe()
    {
        var measurements = new List<Measurement<long>>(QueueNames.All.Length);
        try
        {
            var monitoring = storage.GetMonitoringApi();
            foreach (var queue in QueueNames.All)
            {
                measurements.Add(new Measurement<long>(monitoring.EnqueuedCount(queue), new KeyValuePair<string, object?>("queue", queue)));
            }
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Redis restarting: report nothing for this collection rather than a false zero.
            logger.LogDebug(e, "Queue depth unavailable");
        }
        return measurements;
    }
}
