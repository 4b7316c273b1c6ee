namespace AutoMl.Sdk;

/// <summary>What to create: an endpoint's name and the registered model and alias it serves.</summary>
public sealed class NewServingEndpoint
{
    /// <summary>Unique in the account: lower-case letters, digits and dashes, starting with a letter.</summary>
    public required string Name { get; init; }

    /// <summary>The registered model it serves.</summary>
    public required string RegisteredModel { get; init; }

    /// <summary>The alias it resolves on every request; production when null.</summary>
    public string? Alias { get; init; }

    /// <summary>A second alias answering a share of requests or scoring them unseen; null for none.</summary>
    public Challenger? Challenger { get; init; }

    /// <summary>What it is for (at most 2,000 characters).</summary>
    public string? Description { get; init; }
}
