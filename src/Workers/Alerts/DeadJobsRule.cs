using AutoMl.Infrastructure.Alerts;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

/// <summary>
/// Jobs Hangfire gave up on after their last retry: its failed list, where they stay until an admin retries or deletes
/// them at /hangfire. Training and prediction jobs among them were already failed and refunded (DeadJobRefundFilter).
/// </summary>
internal sealed class DeadJobsRule(JobStorage storage, IOptions<AlertOptions> options) : IAlertRule
{
    public Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct)
    {
        var monitoring = storage.GetMonitoringApi();
        var failed = monitoring.FailedCount();
        var newest = failed > 0 ? monitoring.FailedJobs(0, 1).FirstOrDefault() : default;
        var what = newest.Value?.Job is { } job ? $" The newest is {job.Type.Name}.{job.Method.Name} (Hangfire job {newest.Key})." : "";
        var message = $"{failed} background job(s) failed for good after their retries.{what} "
            + "Training and prediction jobs among them were refunded; retry or delete them at /hangfire/jobs/failed.";
        IReadOnlyList<AlertReading> readings = [AlertReading.For(AlertRules.DeadJobs, AlertSeverity.Critical, options.Value.DeadJobs, failed, message)];
        return Task.FromResult(readings);
    }
}
