using System.Globalization;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

/// <summary>
/// How long each tier's longest-waiting job has waited to start, against the tier's target. A job counts from when it
/// could start: its submission, or the end of its owner's last job if later, and only while its owner is under the
/// tier's concurrent-job limit, so a user queueing behind their own running jobs is no platform delay.
/// </summary>
internal sealed class QueueWaitRule(AutoMlDbContext db, IOptions<AlertOptions> options, TimeProvider clock) : IAlertRule
{
    private const int Oldest = 1000;

    public async Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobLifecycle.Waiting && !j.CancelRequested)
            .Join(db.Users, j => j.UserId, u => u.Id, (j, u) => new
            {
                j.CreatedAt,
                u.Tier,
                Running = db.Jobs.Count(r => r.UserId == j.UserId && r.Status == JobLifecycle.Occupying),
                LastEnded = db.Jobs.Where(f => f.UserId == j.UserId && f.FinishedAt != null).Max(f => f.FinishedAt),
            })
            .OrderBy(j => j.CreatedAt).Take(Oldest).ToListAsync(ct);
        var startable = waiting
            .Where(j => j.Running < TierPlan.For(j.Tier).ConcurrentJobs)
            .Select(j => (j.Tier, Wait: now - (j.LastEnded is { } ended && ended > j.CreatedAt ? ended : j.CreatedAt)))
            .ToList();
        var o = options.Value;
        (Tier Tier, string Rule, AlertRuleOptions Options)[] tiers =
            [(Tier.Free, AlertRules.QueueWaitFree, o.QueueWaitFree), (Tier.Pro, AlertRules.QueueWaitPro, o.QueueWaitPro),
             (Tier.Enterprise, AlertRules.QueueWaitEnterprise, o.QueueWaitEnterprise)];
        return tiers.Where(t => t.Options.Enabled).Select(t => Reading(t.Tier, t.Rule, t.Options)).ToList();

        AlertReading Reading(Tier tier, string rule, AlertRuleOptions rules)
        {
            var ofTier = startable.Where(j => j.Tier == tier).ToList();
            var longest = ofTier.Count == 0 ? 0 : Math.Max(0, ofTier.Max(j => j.Wait.TotalSeconds));
            var over = ofTier.Count(j => j.Wait.TotalSeconds > rules.Threshold);
            var message = $"The longest-waiting {tier} job has waited {Seconds(longest)} to start (target {Seconds(rules.Threshold)}); "
                + $"{over} of {ofTier.Count} startable {tier} job(s) are over the target. Add workers for the {TierPlan.For(tier).Queue.ToString().ToLowerInvariant()} queue or look for stuck ones at /hangfire.";
            return AlertReading.For(rule, AlertSeverity.Warning, rules, Math.Round(longest, 1), message);
        }
    }

    private static string Seconds(double seconds) => seconds >= 120
        ? $"{(seconds / 60).ToString("0.#", CultureInfo.InvariantCulture)} min"
        : $"{seconds.ToString("0", CultureInfo.InvariantCulture)} s";
}
