using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>No work starts for a suspended account: its queued jobs end this way, at the suspension or when a worker meets one.</summary>
public static class SuspendedAccountJobs
{
    /// <summary>Cancelled before it started, its hold released whole.</summary>
    public static JobEnding Ending(Job job) =>
        new(JobLifecycle.CancelQueued, 0, $"Job {job.Id:N} cancelled before it started: the account is suspended", new JobCancelled(0), new JobOutcome.Cancelled());
}
