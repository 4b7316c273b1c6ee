namespace AutoMl.Sdk;

/// <summary>One entry of an alias's history: where it moved, who moved it and why.</summary>
public sealed class AliasMove
{
    /// <summary>The entry's id; later moves have larger ids.</summary>
    public long Id { get; init; }

    /// <summary>The alias that moved.</summary>
    public string Alias { get; init; } = string.Empty;

    /// <summary>The version it named before; null when the move created it.</summary>
    public int? FromVersion { get; init; }

    /// <summary>The version it names after; null when the move removed it.</summary>
    public int? ToVersion { get; init; }

    /// <summary>Who moved it: the account's email and the session, an API key (by its prefix) or a job.</summary>
    public string Actor { get; init; } = string.Empty;

    /// <summary>Why, as given with the move.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>When it moved.</summary>
    public DateTimeOffset At { get; init; }
}
