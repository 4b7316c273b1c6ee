using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;

namespace AutoMl.Api.Serving;

/// <summary>
/// Logs endpoint predictions off the request's path: a request asks <see cref="PredictionLogSampling"/> whether it is
/// logged and hands the row over; <see cref="PredictionLogFlusher"/> writes them in batches. A full queue
/// drops the row and counts it (automl.prediction_logs.dropped) rather than slowing predictions.
/// </summary>
internal sealed class PredictionLogWriter(PredictionLogSampling sampling, IMeterFactory meters)
{
    private const int Capacity = 20_000;
    private readonly Channel<PredictionLog> queue = Channel.CreateBounded<PredictionLog>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly Counter<long> dropped = meters.Create("AutoMl.Api").CreateCounter<long>("automl.prediction_logs.dropped");

    public ChannelReader<PredictionLog> Reader => queue.Reader;

    /// <returns>The sample rate this request is logged at, or null when it is not logged.</returns>
    public Task<double?> SampleAsync(Guid endpointId, PredictionLogPlan plan) => sampling.SampleAsync(endpointId, plan);

    public void Write(PredictionLog row)
    {
        if (!queue.Writer.TryWrite(row))
        {
            dropped.Add(1);
        }
    }

    public void Complete() => queue.Writer.TryComplete();
}

/// <summary>Writes queued prediction logs in batches of up to 500, with one retry; on shutdown it drains what is left.</summary>
internal sealed class PredictionLogFlusher(PredictionLogWriter writer, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PredictionLogFlusher> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            await PredictionLogPartitions.EnsureAsync(db, clock.GetUtcNow(), stoppingToken);
        }
        var reader = writer.Reader;
        var rows = new List<PredictionLog>(Batch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (rows.Count < Batch && reader.TryRead(out var row))
                {
                    rows.Add(row);
                }
                await SaveAsync(rows);
                rows.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (reader.TryRead(out var row))
            {
                rows.Add(row);
            }
            await SaveAsync(rows);
        }
    }

    private async Task SaveAsync(List<PredictionLog> rows)
    {
        for (var attempt = 1; attempt <= 2 && rows.Count > 0; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
                db.PredictionLogs.AddRange(rows);
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt == 1)
            {
                logger.LogWarning(e, "Writing {Count} prediction logs failed; retrying once", rows.Count);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Dropped {Count} prediction logs that could not be written", rows.Count);
            }
        }
    }
}
