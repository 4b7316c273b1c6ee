namespace AutoMl.Sdk;

/// <summary>An act on your account as the audit trail recorded it: a sign-in (or a failed one), a password or email change, an API key created or revoked, credits granted by an admin, an alias moved.</summary>
public sealed class SecurityEvent
{
    /// <summary>The row's number in the trail (newer rows have larger numbers).</summary>
    public long Id { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Who did it: an email and how it signed in (a session, an API key), an admin, or a workflow.</summary>
    public string Actor { get; init; } = string.Empty;

    /// <summary>What: sign-in, sign-in-throttled, password-change, password-reset, email-change, api-key-create, api-key-revoke, credit-adjustment, alias-move, ...</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>What it was done to (api-key, account, registered-model, workflow-run), when anything.</summary>
    public string? TargetType { get; init; }

    /// <summary>Its id or name.</summary>
    public string? TargetId { get; init; }

    /// <summary>The address the request came from.</summary>
    public string? Address { get; init; }

    /// <summary>The client (browser or tool) that sent it.</summary>
    public string? Client { get; init; }

    /// <summary>success, failure or refused.</summary>
    public string Outcome { get; init; } = string.Empty;

    /// <summary>More about it, in a sentence.</summary>
    public string? Detail { get; init; }
}
