namespace AutoMl.Sdk;

/// <summary>What to change about an endpoint; a property left null stays as it is.</summary>
public sealed class ServingEndpointUpdate
{
    /// <summary>The alias to serve from the next request on.</summary>
    public string? Alias { get; init; }

    /// <summary>A new challenger, replacing the old.</summary>
    public Challenger? Challenger { get; init; }

    /// <summary>Ends the split or shadow.</summary>
    public bool RemoveChallenger { get; init; }

    /// <summary>The new description; an empty string removes it.</summary>
    public string? Description { get; init; }
}
