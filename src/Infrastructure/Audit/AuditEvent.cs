namespace AutoMl.Infrastructure.Audit;

/// <summary>
/// One act in the audit trail: who did what to which target, when, from where, and how it ended. Rows are only ever
/// inserted (ADR 12); each carries the hash of the one before, so an edited, removed or inserted row breaks the chain.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The account the act concerns (the one signed in to, changed, or granted to); null when none.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Who did it: an account's email and how it signed in, an admin, the platform, or a workflow.</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Address { get; set; }
    public string? Client { get; set; }

    /// <summary>success, failure or refused.</summary>
    public required string Outcome { get; set; }

    public string? Detail { get; set; }

    /// <summary>Every field above as canonical JSON: what the hash covers.</summary>
    public required string Payload { get; set; }

    public byte[]? PreviousHash { get; set; }
    public required byte[] Hash { get; set; }
}
