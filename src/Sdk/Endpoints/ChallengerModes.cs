namespace AutoMl.Sdk;

/// <summary>The values of <see cref="Challenger.Mode"/>.</summary>
public static class ChallengerModes
{
    /// <summary>The challenger answers <see cref="Challenger.Percent"/> of the requests; the caller sees which in the answer's version.</summary>
    public const string Split = "split";

    /// <summary>The challenger scores every request off the request's path; only the logs show its answers.</summary>
    public const string Shadow = "shadow";
}
