using System.Text.Json;

namespace AutoMl.Sdk;

/// <summary>What a job would cost before it is submitted.</summary>
public sealed class JobQuote
{
    /// <summary>The credits the job would hold.</summary>
    public long Credits { get; init; }

    /// <summary>The credits the account has available now.</summary>
    public long Available { get; init; }

    /// <summary>How the price is made up.</summary>
    public JsonElement Breakdown { get; init; }

    /// <summary>The columns the job would leave out because the data checks flag them (suspected leaks, identifiers).</summary>
    public IReadOnlyList<string> ExcludedByChecks { get; init; } = [];

    /// <summary>The data checks for this target; null for a data set ingested before checks existed.</summary>
    public IReadOnlyList<DataCheck>? Checks { get; init; }
}
