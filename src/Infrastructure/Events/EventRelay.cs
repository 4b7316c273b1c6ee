using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Events;

/// <summary>
/// Sends the events whose live send was lost: the publisher's process ended between the commit and the send, or Redis
/// was away. It runs in every process that publishes (API and worker), since each marks what it sent itself; the rows
/// it takes are locked with SKIP LOCKED, so several instances never send the same event at once.
/// </summary>
public sealed class EventRelay(
    IServiceScopeFactory scopes, EventSendMarks marks, IHubContext<EventsHub> hub, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<EventRelay> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.Value.Events.RelayIntervalMilliseconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The event relay's pass failed; it tries again in a moment");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // What this process sent is marked before it goes, so no relay sends it a second time.
            await using var scope = scopes.CreateAsyncScope();
            await marks.FlushAsync(scope.ServiceProvider.GetRequiredService<AutoMlDbContext>(), clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogInformation(e, "Could not mark this process's last sent events on shutdown; the relay may send them again");
        }
    }

    /// <returns>How many lost events it sent.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        await marks.FlushAsync(db, clock.GetUtcNow(), ct);

        var cutoff = clock.GetUtcNow() - TimeSpan.FromMilliseconds(options.Value.Events.RelayGraceMilliseconds);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.JobEvents.FromSql($"""
            SELECT * FROM job_events WHERE sent_at IS NULL AND at < {cutoff}
            ORDER BY user_id, seq LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var users = new List<Guid>();
        var seqs = new List<long>();
        foreach (var events in due.GroupBy(e => e.UserId))
        {
            foreach (var e in events.OrderBy(e => e.Seq))
            {
                // A user's events go in order: after a failed send, the rest wait for the next pass.
                if (!await EventSending.TrySendAsync(hub, e.UserId, EventMessage.From(e), logger))
                {
                    break;
                }
                users.Add(e.UserId);
                seqs.Add(e.Seq);
            }
        }
        if (users.Count > 0)
        {
            await EventSendMarks.MarkAsync(db, users.ToArray(), seqs.ToArray(), clock.GetUtcNow(), ct);
            logger.LogInformation("The event relay sent {Count} events whose live send was lost", users.Count);
        }
        await tx.CommitAsync(ct);
        return users.Count;
    }
}
