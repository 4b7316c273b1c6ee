using AutoMl.Api.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Hosting;

/// <summary>
/// Work a freshly started instance does before it listens (hosted services start before Kestrel does, so it also
/// comes before /health/ready answers): it opens <see cref="Connections"/> pooled Postgres connections at once and runs
/// the hot read paths' queries on them. A crowd arriving at a cold instance otherwise made it open a connection per
/// waiting request, each a new Postgres backend to fork and warm, while every query was compiled by EF and JIT-compiled
/// for the first time (issue 31, surge mode: load average 83 on two cores, lists p50 1.2 s). Never fails the start: what
/// it does not warm is warmed by the first requests, as before.
/// </summary>
internal sealed class StartupWarmup(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<StartupWarmup> logger) : IHostedService
{
    public const int DefaultConnections = 16;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

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
            // All open at once, so the pool holds this many connections afterwards, not one reused sixteen times.
            await Task.WhenAll(contexts.Select(scope => WarmAsync(scope.ServiceProvider.GetRequiredService<AutoMlDbContext>(), timeout.Token)));
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

    /// <summary>The queries of an authenticated list request, for nobody: their plans, EF's compiled queries and the JIT's code stay.</summary>
    private static async Task WarmAsync(AutoMlDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var nobody = Guid.Empty;
        await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == "" && k.RevokedAt == null)
            .Select(k => new { k.Id, k.UserId, Suspended = db.Users.Any(u => u.Id == k.UserId && u.SuspendedAt != null) }).FirstOrDefaultAsync(ct);
        await db.Users.AsNoTracking().Where(u => u.Id == nobody).Select(u => u.Tier).FirstOrDefaultAsync(ct);
        await db.Datasets.Where(d => d.UserId == nobody).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(51)
            .Select(DatasetViews.Summary).ToListAsync(ct);
        await db.Jobs.AsNoTracking().Where(j => j.UserId == nobody && j.Status == JobLifecycle.Occupying).OrderByDescending(j => j.CreatedAt).Take(51).ToListAsync(ct);
        await db.Models.AsNoTracking().Where(m => m.UserId == nobody).OrderByDescending(m => m.CreatedAt).Take(51).ToListAsync(ct);
        await db.CreditAccounts.AsNoTracking().Where(a => a.UserId == nobody).FirstOrDefaultAsync(ct);
        await db.CreditEntries.AsNoTracking().Where(e => e.UserId == nobody).OrderByDescending(e => e.CreatedAt).Take(51).ToListAsync(ct);
    }
}
