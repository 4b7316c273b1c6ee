using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

internal static class AlertServices
{
    /// <summary>The rules, each only when enabled (AutoMl__Alerts__&lt;Rule&gt;__Enabled), and what keeps their alerts.</summary>
    public static IServiceCollection AddPlatformAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section);
        services.AddScoped<AlertNotifier>();
        services.AddScoped<AlertBook>();
        services.AddScoped<PlatformAlertsJob>();
        services.AddScoped<LedgerDriftRule>();
        services.AddScoped<DeadJobsRule>();
        services.AddScoped<QueueWaitRule>();
        services.AddScoped<JobErrorRateRule>();
        services.AddScoped<WebhookFailuresRule>();
        services.AddScoped<OutboxBacklogRule>();
        services.AddScoped<DiskUseRule>();
        services.AddScoped<IReadOnlyList<IAlertRule>>(sp => Enabled(sp.GetRequiredService<IOptions<AlertOptions>>().Value, sp).ToList());
        return services;
    }

    private static IEnumerable<IAlertRule> Enabled(AlertOptions o, IServiceProvider sp)
    {
        if (o.LedgerDrift.Enabled)
        {
            yield return sp.GetRequiredService<LedgerDriftRule>();
        }
        if (o.DeadJobs.Enabled)
        {
            yield return sp.GetRequiredService<DeadJobsRule>();
        }
        if (o.QueueWaitFree.Enabled || o.QueueWaitPro.Enabled || o.QueueWaitEnterprise.Enabled)
        {
            yield return sp.GetRequiredService<QueueWaitRule>();
        }
        if (o.JobErrorRate.Enabled)
        {
            yield return sp.GetRequiredService<JobErrorRateRule>();
        }
        if (o.WebhookFailures.Enabled)
        {
            yield return sp.GetRequiredService<WebhookFailuresRule>();
        }
        if (o.OutboxBacklog.Enabled)
        {
            yield return sp.GetRequiredService<OutboxBacklogRule>();
        }
        if (o.DiskUse.Enabled)
        {
            yield return sp.GetRequiredService<DiskUseRule>();
        }
    }
}
