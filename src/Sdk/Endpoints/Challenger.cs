namespace AutoMl.Sdk;

/// <summary>An endpoint's second alias: it answers a percentage of requests (split) or scores every request unseen (shadow).</summary>
public sealed class Challenger
{
    /// <summary>The alias, e.g. staging; another than the one the endpoint serves.</summary>
    public required string Alias { get; init; }

    /// <summary>For a split, the share of requests it answers, 1 to 99; ignored for a shadow.</summary>
    public int Percent { get; init; }

    /// <summary>split or shadow; see <see cref="ChallengerModes"/>.</summary>
    public string Mode { get; init; } = ChallengerModes.Split;
}
