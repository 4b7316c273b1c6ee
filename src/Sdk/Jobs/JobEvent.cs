using System.Text.Json;

namespace AutoMl.Sdk;

/// <summary>Something that happened to a job, numbered per account so a client can resume after a gap.</summary>
public sealed class JobEvent
{
    /// <summary>The account-wide sequence number: every event of an account has the next one.</summary>
    public long Seq { get; init; }

    /// <summary>What happened; see <see cref="JobEventTypes"/>.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The job it belongs to, or null for account events.</summary>
    public Guid? JobId { get; init; }

    /// <summary>The event's payload, which depends on <see cref="Type"/> (e.g. progress, score, learner).</summary>
    public JsonElement Data { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; init; }
}
