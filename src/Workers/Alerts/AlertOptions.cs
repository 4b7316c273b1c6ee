namespace AutoMl.Workers.Alerts;

/// <summary>
/// The platform alerts (AutoMl__Alerts__*): each rule fires while its value is above its threshold, and after
/// notifying the admins stays quiet for its cool-down, even if it clears and fires again meanwhile.
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "AutoMl:Alerts";

    /// <summary>Accounts whose balance or held credits differ from their ledger entries.</summary>
    public AlertRuleOptions LedgerDrift { get; set; } = new() { Threshold = 0, CooldownMinutes = 60 };

    /// <summary>Jobs Hangfire gave up on after their last retry (its failed list).</summary>
    public AlertRuleOptions DeadJobs { get; set; } = new() { Threshold = 0, CooldownMinutes = 60 };

    /// <summary>Seconds the longest-waiting job of a tier has waited to start (DESIGN: Pro 30 s, Free 3 min).</summary>
    public AlertRuleOptions QueueWaitFree { get; set; } = new() { Threshold = 180 };

    public AlertRuleOptions QueueWaitPro { get; set; } = new() { Threshold = 30 };

    /// <summary>As Pro: both wait on the high queue, so a tighter target would fire on load Enterprise shares with Pro.</summary>
    public AlertRuleOptions QueueWaitEnterprise { get; set; } = new() { Threshold = 30 };

    /// <summary>Share (0 to 1) of the jobs ended within the window that failed on our side.</summary>
    public AlertRuleOptions JobErrorRate { get; set; } = new() { Threshold = 0.2, CooldownMinutes = 60 };

    public int JobErrorRateWindowMinutes { get; set; } = 15;

    /// <summary>Fewer ended jobs than this in the window is too few to call a rate: the rule does not fire.</summary>
    public int JobErrorRateMinJobs { get; set; } = 10;

    /// <summary>Stripe webhook deliveries refused or failed within the window.</summary>
    public AlertRuleOptions WebhookFailures { get; set; } = new() { Threshold = 3, CooldownMinutes = 60 };

    public int WebhookFailuresWindowMinutes { get; set; } = 15;

    /// <summary>Unsent emails older than <see cref="OutboxBacklogAgeMinutes"/> (the outbox sends every minute).</summary>
    public AlertRuleOptions OutboxBacklog { get; set; } = new() { Threshold = 25, CooldownMinutes = 60 };

    public int OutboxBacklogAgeMinutes { get; set; } = 5;

    /// <summary>Percent used of the disk holding the data folder.</summary>
    public AlertRuleOptions DiskUse { get; set; } = new() { Threshold = 90, CooldownMinutes = 240 };

    /// <summary>The data folder; by default the local blob store's root, else AUTOML_DATA_DIR, else ./.data.</summary>
    public string? DataFolder { get; set; }
}

public sealed class AlertRuleOptions
{
    public bool Enabled { get; set; } = true;

    public double Threshold { get; set; }

    public int CooldownMinutes { get; set; } = 30;

    public TimeSpan Cooldown => TimeSpan.FromMinutes(Math.Max(0, CooldownMinutes));
}
