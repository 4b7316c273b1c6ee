namespace AutoMl.Domain.Registry;

/// <summary>How an endpoint uses its challenger alias, when it has one.</summary>
public enum ChallengerMode
{
    /// <summary>The challenger answers its percent of requests; the champion answers the rest.</summary>
    Split = 0,

    /// <summary>The champion answers every request; the challenger scores each one too, logged and never returned.</summary>
    Shadow = 1,
}

/// <summary>Which alias answers a request. A draw in [0, 100) below the challenger's percent goes to the challenger.</summary>
public static class TrafficSplit
{
    public static bool ChallengerServes(ChallengerMode mode, int challengerPercent, double draw) =>
        mode == ChallengerMode.Split && draw < challengerPercent;
}
