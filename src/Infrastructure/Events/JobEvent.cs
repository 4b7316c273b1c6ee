namespace AutoMl.Infrastructure.Events;

/// <summary>An event as stored and sent; Seq counts per user so a client that resumes gets exactly what it missed.</summary>
public sealed class JobEvent
{
    public Guid UserId { get; set; }
    public long Seq { get; set; }
    public Guid? JobId { get; set; }
    public required string Type { get; set; }
    public required string DataJson { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>When it was sent live; null until a send succeeded, so the relay sends what a lost send left behind.</summary>
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>The last sequence number handed out per user.</summary>
public sealed class EventSequence
{
    public Guid UserId { get; set; }
    public long LastSeq { get; set; }
}
