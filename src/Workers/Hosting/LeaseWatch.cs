using AutoMl.Infrastructure.Persistence;

namespace AutoMl.Workers.Hosting;

/// <summary>
/// What a long job holds while it works: a lease on its row that lapses when the worker dies (so the job can be
/// taken again), and optionally a stop request its owner can make.
/// </summary>
/// <param name="Length">How long one renewal holds; it is renewed every quarter of that.</param>
/// <param name="RenewAsync">Pushes the lease to the given time, if the row still holds it.</param>
/// <param name="StopRequestedAsync">Whether the work should stop now; asked twice a second. Null when it cannot be stopped.</param>
internal sealed record LeaseTerms(
    TimeSpan Length,
    Func<AutoMlDbContext, DateTimeOffset, CancellationToken, Task> RenewAsync,
    Func<AutoMlDbContext, CancellationToken, Task<bool>>? StopRequestedAsync = null);

/// <summary>
/// Keeps a lease while a long job works, on a DbContext of its own (the job's is busy on the job's thread), and
/// cancels <c>stopWork</c> once a stop is requested. Disposing it ends the watch.
/// </summary>
internal sealed class LeaseWatch : IAsyncDisposable
{
    private static readonly TimeSpan StopPoll = TimeSpan.FromMilliseconds(400);

    private readonly CancellationTokenSource ended = new();
    private readonly Task watching;

    private LeaseWatch(IServiceScopeFactory scopes, TimeProvider clock, LeaseTerms lease, CancellationTokenSource? stopWork) =>
        watching = WatchAsync(scopes, clock, lease, stopWork, ended.Token);

    public static LeaseWatch Start(IServiceScopeFactory scopes, TimeProvider clock, LeaseTerms lease, CancellationTokenSource? stopWork = null) =>
        new(scopes, clock, lease, stopWork);

    public async ValueTask DisposeAsync()
    {
        await ended.CancelAsync();
        await watching;
        ended.Dispose();
    }

    private static async Task WatchAsync(IServiceScopeFactory scopes, TimeProvider clock, LeaseTerms lease, CancellationTokenSource? stopWork, CancellationToken ended)
    {
        var renewEvery = lease.Length / 4;
        var stoppable = lease.StopRequestedAsync is not null && stopWork is not null;
        var tick = stoppable && StopPoll < renewEvery ? StopPoll : renewEvery;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            var lastRenewal = DateTimeOffset.MinValue;
            while (!ended.IsCancellationRequested)
            {
                await Task.Delay(tick, ended);
                var now = clock.GetUtcNow();
                if (now - lastRenewal >= renewEvery)
                {
                    await lease.RenewAsync(db, now + lease.Length, ended);
                    lastRenewal = now;
                }
                if (stoppable && await lease.StopRequestedAsync!(db, ended))
                {
                    await stopWork!.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
