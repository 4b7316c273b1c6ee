namespace AutoMl.Sdk;

/// <summary>An alias as a move left it: the version it names now.</summary>
public sealed class ModelAlias
{
    /// <summary>The alias, e.g. production.</summary>
    public string Alias { get; init; } = string.Empty;

    /// <summary>The version it names.</summary>
    public int Version { get; init; }

    /// <summary>When it was moved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
