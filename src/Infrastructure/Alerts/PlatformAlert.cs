namespace AutoMl.Infrastructure.Alerts;

public enum AlertSeverity
{
    Warning = 0,
    Critical = 1,
}

/// <summary>
/// One episode of a rule firing: opened when the rule first fires, kept up to date while it keeps firing, cleared when
/// it stops. A rule has at most one open alert. <see cref="NotifiedAt"/> is when the admins were told (null while a
/// cool-down held the notice back).
/// </summary>
public sealed class PlatformAlert
{
    public Guid Id { get; set; }
    public required string Rule { get; set; }
    public AlertSeverity Severity { get; set; }
    public required string Message { get; set; }
    public double Value { get; set; }
    public double Threshold { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
}
