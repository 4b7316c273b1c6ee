using AutoMl.Infrastructure.Alerts;

namespace AutoMl.Api.Admin;

/// <summary>An episode of an alert rule firing; <paramref name="ClearedAt"/> is null while it is open.</summary>
/// <param name="Value">What the rule measured last (a count, seconds, a share from 0 to 1, or percent, by rule).</param>
/// <param name="NotifiedAt">When the admins were emailed (and Sentry told); null while a cool-down held the notice back.</param>
public sealed record PlatformAlertView(Guid Id, string Rule, AlertSeverity Severity, string Message, double Value, double Threshold,
    DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ClearedAt, DateTimeOffset? NotifiedAt)
{
    public static PlatformAlertView From(PlatformAlert a) =>
        new(a.Id, a.Rule, a.Severity, a.Message, a.Value, a.Threshold, a.FirstSeenAt, a.LastSeenAt, a.ClearedAt, a.NotifiedAt);
}

/// <summary>The last ledger reconciliation: balanced when every balance and hold equals its entries; otherwise the accounts that do not.</summary>
public sealed record ReconciliationView(DateTimeOffset RanAt, bool Balanced, IReadOnlyList<ReconciliationDriftView> Drift);

public sealed record ReconciliationDriftView(Guid UserId, long Balance, long EntriesSum, long Held, long HeldSum);
