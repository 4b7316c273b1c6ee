using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Payments;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

/// <summary>Stripe webhook deliveries refused (signature) or failed while applied within the window (<see cref="WebhookFailure"/>).</summary>
internal sealed class WebhookFailuresRule(AutoMlDbContext db, IOptions<AlertOptions> options, TimeProvider clock) : IAlertRule
{
    public async Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct)
    {
        var o = options.Value;
        var since = clock.GetUtcNow() - TimeSpan.FromMinutes(o.WebhookFailuresWindowMinutes);
        var kinds = await db.Set<WebhookFailure>().AsNoTracking().Where(f => f.At >= since)
            .GroupBy(f => f.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var signature = kinds.Where(k => k.Kind == WebhookFailureKinds.Signature).Sum(k => k.Count);
        var processing = kinds.Where(k => k.Kind == WebhookFailureKinds.Processing).Sum(k => k.Count);
        var message = $"{signature + processing} Stripe webhook deliveries failed in the last {o.WebhookFailuresWindowMinutes} minutes: "
            + $"{processing} failed while being applied (Stripe retries them; see the API log) and {signature} had a signature that did not verify "
            + "(check Stripe__WebhookSecrets against the Stripe dashboard, or someone else is posting to /webhooks/stripe).";
        return [AlertReading.For(AlertRules.WebhookFailures, AlertSeverity.Critical, o.WebhookFailures, signature + processing, message)];
    }
}
