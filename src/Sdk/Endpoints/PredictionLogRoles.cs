namespace AutoMl.Sdk;

/// <summary>The values of <see cref="PredictionLogEntry.Role"/>.</summary>
public static class PredictionLogRoles
{
    /// <summary>The answer the caller got.</summary>
    public const string Served = "served";

    /// <summary>A shadow challenger's answer to the same rows, never returned.</summary>
    public const string Shadow = "shadow";
}
