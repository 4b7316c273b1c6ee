using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

internal enum ClaimOutcome
{
    Claimed = 0,
    NotQueued = 1,
    AtConcurrencyLimit = 2,
    OwnerSuspended = 3,
}

/// <summary>
/// The conditional start: queued → running with a lease, under a per-user advisory lock so the tier's
/// concurrent-job limit holds across every worker. A duplicate delivery finds the job not queued.
/// </summary>
internal sealed class JobClaim(AutoMlDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    public async Task<ClaimOutcome> TryStartAsync(Guid jobId, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.UserId, j.Status }).SingleOrDefaultAsync(ct);
        if (job is null || !JobLifecycle.Start.Allows(job.Status))
        {
            return ClaimOutcome.NotQueued;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({job.UserId.ToString()}, 0))", ct);
        var owner = await db.Users.Where(u => u.Id == job.UserId).Select(u => new { u.Tier, Suspended = u.SuspendedAt != null }).SingleAsync(ct);
        if (owner.Suspended)
        {
            return ClaimOutcome.OwnerSuspended;
        }
        var tier = owner.Tier;
        var running = await db.Jobs.CountAsync(j => j.UserId == job.UserId && j.Status == JobLifecycle.Occupying, ct);
        if (running >= TierPlan.For(tier).ConcurrentJobs)
        {
            return ClaimOutcome.AtConcurrencyLimit;
        }
        var now = clock.GetUtcNow();
        var from = JobLifecycle.Start.FromArray;
        var started = await db.Jobs.Where(j => j.Id == jobId && from.Contains(j.Status) && !j.CancelRequested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobLifecycle.Start.To)
                .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                .SetProperty(j => j.LeaseUntil, now + Lease)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
        await tx.CommitAsync(ct);
        return started == 1 ? ClaimOutcome.Claimed : ClaimOutcome.NotQueued;
    }

}
