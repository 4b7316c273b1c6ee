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
}
