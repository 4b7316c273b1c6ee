using System.Globalization;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

/// <summary>
/// The platform's error rate, as the share of jobs ended within the window that failed on our side (gave up after their
/// retries, or lost their worker too often). API 5xx answers go only to the log, Sentry and OpenTelemetry, none of which
/// a worker can read back; a job failing on our side is what a user pays the error with. Data problems and cancels are
/// not errors of the platform and do not count.
/// </summary>
internal sealed class JobErrorRateRule(AutoMlDbContext db, IOptions<AlertOptions> options, TimeProvider clock) : IAlertRule
{
    public async Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct)
    {
        var o = options.Value;
        var since = clock.GetUtcNow() - TimeSpan.FromMinutes(o.JobErrorRateWindowMinutes);
        var (succeeded, failed) = (JobLifecycle.Succeed.To, JobLifecycle.Fail.To);
        var ended = await db.Jobs.AsNoTracking()
            .Where(j => j.FinishedAt >= since && (j.Status == succeeded || j.Status == failed))
            .Select(j => new { j.Status, j.Error })
            .ToListAsync(ct);
        var ours = ended.Count(j => j.Status == failed && j.Error is { } e
            && JobFaults.OurSideOpenings.Any(opening => e.StartsWith(opening, StringComparison.Ordinal)));
        var rate = ended.Count < Math.Max(1, o.JobErrorRateMinJobs) ? 0 : (double)ours / ended.Count;
        var message = $"{ours} of {ended.Count} job(s) ended in the last {o.JobErrorRateWindowMinutes} minutes failed on our side "
            + $"({rate.ToString("P0", CultureInfo.InvariantCulture)}; the rate counts from {o.JobErrorRateMinJobs} ended jobs). "
            + "Their references are in the worker log and Sentry; see /hangfire for the failures.";
        return [AlertReading.For(AlertRules.JobErrorRate, AlertSeverity.Warning, o.JobErrorRate, Math.Round(rate, 4), message)];
    }
}
