using System.Collections.Concurrent;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Accounts;

/// <summary>
/// When each API key was last used, written to Postgres for all keys at once every second rather than by the request
/// that used it: a crowd's first requests each wrote their key's row before answering (issue 31's surge: 6,000 users and
/// 2,000 hub connections arriving within seconds), and at steady state every key wrote once a minute — 100 writes a second
/// for 6,000 users. The time is informational (the dashboard's key list), so the second it may lag, or a use lost when an
/// instance dies, costs nothing that matters; a write never moves a time backwards.
/// </summary>
internal sealed class ApiKeyUsage(IServiceScopeFactory scopes, ILogger<ApiKeyUsage> logger) : BackgroundService
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    private const string Sql = """
        UPDATE api_keys SET last_used_at = used.at
        FROM unnest(@ids, @ats) AS used(id, at)
        WHERE api_keys.id = used.id AND (api_keys.last_used_at IS NULL OR api_keys.last_used_at < used.at)
        """;

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> pending = new();

    public void Record(Guid key, DateTimeOffset at) => pending.AddOrUpdate(key, at, (_, earlier) => earlier > at ? earlier : at);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The machine's clock, not the platform's TimeProvider: a test's movable clock must not hold the writes back.
        using var timer = new PeriodicTimer(FlushEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (pending.IsEmpty)
        {
            return;
        }
        var uses = pending.ToArray();
        foreach (var use in uses)
        {
            // Only if unchanged: a later use recorded meanwhile stays for the next batch.
            pending.TryRemove(use);
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            await db.Database.ExecuteSqlRawAsync(Sql, [
                new NpgsqlParameter("ids", uses.Select(u => u.Key).ToArray()),
                new NpgsqlParameter("ats", uses.Select(u => u.Value.ToUniversalTime()).ToArray()),
            ], ct);
        }
        catch (Exception e) when (e is NpgsqlException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            // Postgres away: the uses are written with the next batch.
            foreach (var (key, at) in uses)
            {
                Record(key, at);
            }
            logger.LogWarning(e, "Could not write the last use of {Count} API keys; trying again in {Seconds} s", uses.Length, FlushEvery.TotalSeconds);
        }
    }
}
