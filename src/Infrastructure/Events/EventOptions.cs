namespace AutoMl.Infrastructure.Events;

/// <summary>The event outbox's relay (AutoMl__Events__*).</summary>
public sealed class EventOptions
{
    /// <summary>How often each process's relay looks for events whose live send was lost.</summary>
    public int RelayIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How old an unsent event must be before the relay sends it: its publisher normally sends it (and marks it) within
    /// this time, so a shorter grace only sends more events twice.
    /// </summary>
    public int RelayGraceMilliseconds { get; set; } = 2000;

    /// <summary>
    /// A test hook, never set in production: the process ends (Environment.FailFast) right after the transaction that
    /// stores an event of this type commits and before the event is sent, so a test can show the relay delivers it.
    /// </summary>
    public string? CrashAfterCommitFor { get; set; }
}
