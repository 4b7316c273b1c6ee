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
/// announces as ready, one load at a time so warming never takes both cores from the requests; and, before the instance
/// listens, the models predicted in the last hour on any instance (<see cref="HotModels"/>) and the newest few. A
/// deployed or restarted instance otherwise served each model's first prediction cold: about 100 ms of CPU per bundle,
/// for every model of a crowd at once (issue 31, surge mode: predict p50 0.5-1.5 s).
/// </summary>
internal sealed class ModelWarmer(
    ModelCache cache, ModelAnnouncements announcements, HotModels hot, IServiceScopeFactory scopes,
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
        await foreach (var (id, key) in pending.Reader.ReadAllAsync(stoppingToken))
        {
            await WarmAsync(id, key, ExerciseCalls, stoppingToken);
        }
    }

    /// <summary>Loads and exercises one model; false when it could not be loaded (the first prediction tries again).</summary>
    private async Task<bool> WarmAsync(Guid id, string key, int calls, CancellationToken ct)
    {
        try
        {
            Exercise(await cache.GetAsync(id, key, ct), calls);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A model deleted meanwhile, or a blob store hiccup: the first prediction tries again.
            logger.LogInformation(e, "Model {ModelId} not warmed", id);
            return false;
        }
    }

    /// <summary>
    /// Runs the model's one-row path on a row of missing values: a process's first predictions run the JIT's first tier
    /// and are compiled again in the background while requests wait on the cores (issue 31: one-row p99 inside the API
    /// was 8 ms over the first few hundred requests and under 2 ms after). Enough calls for the JIT to count the path hot,
    /// bounded in time so a large ensemble does not hold the warmer. The JIT counts the shared code, not a model's: after
    /// a few models, one call each (<see cref="OnceMore"/>) builds what a model makes on its first prediction.
    /// </summary>
    private static void Exercise(ModelBundle bundle, int calls)
    {
        var row = new Dictionary<string, object?>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < calls && clock.Elapsed < ExerciseTime; i++)
        {
            bundle.Predict(row);
        }
    }

    private const int ExerciseCalls = 64;
    private const int OnceMore = 2;

    /// <summary>Models exercised fully as an instance starts; the later ones <see cref="OnceMore"/>.</summary>
    private const int FullyExercisedOnStart = 4;
    private static readonly TimeSpan ExerciseTime = TimeSpan.FromMilliseconds(250);

    /// <summary>Loads the hot and newest models before the host goes on to start Kestrel, within ModelWarmup:StartSeconds.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await WarmOnStartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    private async Task WarmOnStartAsync(CancellationToken ct)
    {
        var warmup = options.Value.ModelWarmup;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var limit = TimeSpan.FromSeconds(Math.Max(0, warmup.StartSeconds));
        List<(Guid Id, string Key)> models;
        try
        {
            models = await StartingModelsAsync(warmup, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not list the models to warm on start: their first predictions load them");
            return;
        }
        var loaded = 0;
        foreach (var (id, key) in models)
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limit)
            {
                // The rest wait for their first prediction. Loaded in the background once the instance listened, they took
                // the cores from the crowd a restart meets (issue 31, surge: 24 bundles an instance in the crowd's first 20 s).
                break;
            }
            if (await WarmAsync(id, key, loaded < FullyExercisedOnStart ? ExerciseCalls : OnceMore, ct))
            {
                loaded++;
            }
        }
        if (models.Count > 0)
        {
            logger.LogInformation("Loaded {Loaded} of {Models} hot and newest models in {Milliseconds:0} ms before listening",
                loaded, models.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The hot models first (most recently predicted first), then the newest; deleted models drop out here.</summary>
    private async Task<List<(Guid Id, string Key)>> StartingModelsAsync(ModelWarmupOptions warmup, CancellationToken ct)
    {
        IReadOnlyList<Guid> hotIds = [];
        try
        {
            hotIds = await hot.RecentAsync(warmup.HotOnStart);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Redis did not give the hot models: only the newest are warmed on start");
        }
        if (hotIds.Count == 0 && warmup.NewestOnStart <= 0)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var hotModels = hotIds.Count == 0 ? [] : await db.Models.AsNoTracking().Where(m => hotIds.Contains(m.Id))
            .Select(m => new { m.Id, m.BundleKey }).ToListAsync(ct);
        var newest = warmup.NewestOnStart <= 0 ? [] : await db.Models.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(warmup.NewestOnStart)
            .Select(m => new { m.Id, m.BundleKey }).ToListAsync(ct);
        var rank = hotIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return hotModels.OrderBy(m => rank[m.Id]).Concat(newest).DistinctBy(m => m.Id).Select(m => (m.Id, m.BundleKey)).ToList();
    }
}
