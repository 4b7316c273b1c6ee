using System.Threading.Channels;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Redis;
using AutoMl.Ml.Bundle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Models;

/// <summary>
/// Loads bundles into this instance's <see cref="ModelCache"/> before anyone predicts with them: every model a worker
/// announces as ready, and at start the newest few (a deployed or restarted instance otherwise serves each model's
/// first prediction cold). One load at a time, so warming never takes both cores from the requests.
/// </summary>
internal sealed class ModelWarmer(
    ModelCache cache, ModelAnnouncements announcements, IServiceScopeFactory scopes,
    IOptions<PlatformOptions> options, ILogger<ModelWarmer> logger) : BackgroundService
{
    private readonly Channel<(Guid Id, string Key)> pending = Channel.CreateBounded<(Guid, string)>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IAsyncDisposable? subscription = null;
        try
        {
            subscription = await announcements.SubscribeAsync(ready =>
            {
                if (ready.ModelId != Guid.Empty && ready.BundleKey is { Length: > 0 })
                {
                    pending.Writer.TryWrite((ready.ModelId, ready.BundleKey));
                }
            });
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Not subscribed to model announcements: new models load on their first prediction");
        }
        await using var listening = subscription;
        await QueueNewestAsync(stoppingToken);
        await foreach (var (id, key) in pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                Exercise(await cache.GetAsync(id, key, stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A model deleted meanwhile, or a blob store hiccup: the first prediction tries again.
                logger.LogInformation(e, "Model {ModelId} not warmed", id);
            }
        }
    }

    /// <summary>
    /// Runs the model's one-row path on a row of missing values: a process's first predictions run the JIT's first tier
    /// and are compiled again in the background while requests wait on the cores (issue 31: one-row p99 inside the API
    /// was 8 ms over the first few hundred requests and under 2 ms after). Enough calls for the JIT to count the path hot,
    /// bounded in time so a large ensemble does not hold the warmer.
    /// </summary>
    private static void Exercise(ModelBundle bundle)
    {
        var row = new Dictionary<string, object?>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < ExerciseCalls && clock.Elapsed < ExerciseTime; i++)
        {
            bundle.Predict(row);
        }
    }

    private const int ExerciseCalls = 64;
    private static readonly TimeSpan ExerciseTime = TimeSpan.FromMilliseconds(250);

    private async Task QueueNewestAsync(CancellationToken ct)
    {
        var count = options.Value.ModelWarmup.NewestOnStart;
        if (count <= 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            var newest = await db.Models.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(count)
                .Select(m => new { m.Id, m.BundleKey }).ToListAsync(ct);
            foreach (var m in newest)
            {
                pending.Writer.TryWrite((m.Id, m.BundleKey));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not list the newest models to warm");
        }
    }
}
