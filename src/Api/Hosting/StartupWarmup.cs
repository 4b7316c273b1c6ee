using AutoMl.Api.Accounts;
using AutoMl.Api.Credits;
using AutoMl.Api.Datasets;
using AutoMl.Api.Jobs;
using AutoMl.Api.Models;
using AutoMl.Api.Paging;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Hosting;

/// <summary>
/// Work a freshly started instance does before it listens (hosted services start before Kestrel does, so it also
/// comes before /health/ready answers): it opens <see cref="Connections"/> pooled Postgres connections at once and runs
/// the list endpoints' reads on them. A crowd arriving at a cold instance otherwise made it open a connection per
/// waiting request, each a new Postgres backend to fork and warm, while every query was compiled by EF and JIT-compiled
/// for the first time (issue 31, surge mode: load average 83 on two cores, lists p50 1.2 s). Never fails the start: what
/// it does not warm is warmed by the first requests, as before.
/// </summary>
internal sealed class StartupWarmup(IServiceScopeFactory scopes, ApiKeyReads keys, IBlobStore blobs, IConfiguration configuration, ILogger<StartupWarmup> logger)
    : IHostedService
{
    public const int DefaultConnections = 16;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Whether the last start warmed everything it meant to.</summary>
    public bool Completed { get; private set; }

    private int Connections => Math.Clamp(configuration.GetValue("AutoMl:Startup:WarmConnections", DefaultConnections), 0, 64);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Connections == 0)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var contexts = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                contexts.Add(scopes.CreateAsyncScope());
            }
            // All open at once, so the pool holds this many connections afterwards, not one reused sixteen times. The
            // lists read through ReadDb's context, whose EF services, model and compiled queries are its own: warming only
            // the primary's left each list's first request building them (280 ms of a fresh instance's first GET /jobs).
            await Task.WhenAll(contexts.Select(scope => WarmAsync(scope.ServiceProvider.GetRequiredKeyedService<AutoMlDbContext>(ReadDb.Key), timeout.Token)));
            WarmWrites(contexts[0].ServiceProvider.GetRequiredService<AutoMlDbContext>());
            // Every request's first step: the read of a key this instance does not remember (no key has this hash).
            await keys.FindAsync(new string('0', 64), timeout.Token);
            await using (var prediction = scopes.CreateAsyncScope())
            {
                await WarmPredictionAsync(prediction.ServiceProvider, timeout.Token);
            }
            await using (var submission = scopes.CreateAsyncScope())
            {
                await SubmissionRehearsal.RunAsync(submission.ServiceProvider, timeout.Token);
            }
            await DataCheckWarmup.RunAsync(blobs, timeout.Token);
            Completed = true;
            logger.LogInformation("Warmed {Connections} Postgres connections and the read paths in {Milliseconds:0} ms before listening",
                Connections, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Start-up warm-up incomplete; the first requests warm the rest");
        }
        finally
        {
            foreach (var scope in contexts)
            {
                await scope.DisposeAsync();
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The list endpoints' own reads, for nobody: the same code builds the same query shapes, so EF's compiled-query cache
    /// and the JIT's code serve the first real requests. (The API-key lookup and the credits read stay with the first
    /// request: they are one query each.)
    /// </summary>
    private static async Task WarmAsync(AutoMlDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var nobody = Guid.Empty;
        const int pageSize = 50;
        await KeysetPage.ReadProjectedAsync(db.Datasets.Where(d => d.UserId == nobody), pageSize, null, DatasetViews.Summary, ct);
        await KeysetPage.ReadAsync(db.Jobs.AsNoTracking().Where(j => j.UserId == nobody), pageSize, null, JobViews.ToView, ct);
        await KeysetPage.ReadAsync(db.CreditEntries.AsNoTracking().Where(e => e.UserId == nobody), pageSize, null, CreditEntryView.From, ct);
        await ModelList.ReadAsync(db, nobody, new ModelListQuery(null, null, null, ModelSort.Created, true, pageSize, null), ct);
    }

    /// <summary>An online prediction for nobody: it stops at its first read (no such model), which EF compiles here instead of in a user's first prediction.</summary>
    private static async Task WarmPredictionAsync(IServiceProvider services, CancellationToken ct)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var row = new Dictionary<string, System.Text.Json.JsonElement> { ["x"] = System.Text.Json.JsonDocument.Parse("1").RootElement };
        await services.GetRequiredService<OnlinePrediction>().PredictAsync(http, Guid.Empty, Guid.Empty, new PredictRequest([row]), null, ct);
    }

    /// <summary>
    /// What an instance's first write builds, without writing: EF builds each entity type's change-tracking accessors
    /// (compiled expression trees) the first time it tracks one, and Hangfire its job serialization the first time it
    /// enqueues. Measured on a freshly started instance, the first POST /api/v1/jobs took 610 ms and the next 60-90 ms,
    /// most of the difference in these; under a surge the first submission of each instance took 1-9 s (issue 31).
    /// </summary>
    private static void WarmWrites(AutoMlDbContext db)
    {
        foreach (var type in db.Model.GetEntityTypes())
        {
            if (type.IsOwned() || type.HasSharedClrType || type.ClrType.IsAbstract || type.ClrType.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }
            try
            {
                db.Entry(Activator.CreateInstance(type.ClrType)!).State = EntityState.Added;
            }
            catch (InvalidOperationException)
            {
                // A key the application sets itself (a string, a hash) is empty here: that type warms on its first write.
            }
        }
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.Clear();
        foreach (var kind in Enum.GetValues<AutoMl.Domain.Jobs.JobKind>())
        {
            Hangfire.Storage.InvocationData.SerializeJob(AutoMl.Infrastructure.Jobs.JobDeliveries.For(kind, Guid.Empty)).SerializePayload();
        }
    }
}
