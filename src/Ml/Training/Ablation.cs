namespace AutoMl.Ml.Training;

/// <summary>
/// The engine's newer choices, each of which can be switched off for the ablation table in bench/Engine/README.md
/// (<c>AUTOML_ABLATE=pool,seeds</c>): a choice that does not earn its keep there should go. Read once per process;
/// nothing outside the benchmark sets it.
/// </summary>
internal static class Ablation
{
    private static readonly HashSet<string> Off = (Environment.GetEnvironmentVariable("AUTOML_ABLATE") ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ensemble candidates kept per learner family and per portfolio configuration, not only the global best.</summary>
    public static bool DiversePool { get; } = !Off.Contains("pool");

    /// <summary>Each trial fits with a seed of its own instead of the request's seed.</summary>
    public static bool TrialSeeds { get; } = !Off.Contains("seeds");

    /// <summary>A configuration the search already ran is not run again.</summary>
    public static bool NoRepeats { get; } = !Off.Contains("repeats");

    /// <summary>LightGBM early-stops on an inner split of its training rows, never on the rows it is scored on.</summary>
    public static bool InnerStopping { get; } = !Off.Contains("inner");

    /// <summary>Trials run from a work queue that starts the next as soon as one ends, rather than in batches awaited together.</summary>
    public static bool WorkQueue { get; } = !Off.Contains("queue");

    /// <summary>The portfolio of configurations from public meta-data (FLAML's zero-shot portfolio) rather than our hand-picked one.</summary>
    public static bool MetaPortfolio { get; } = !Off.Contains("portfolio");

    /// <summary>Totals of alike-named numeric columns that predict the target better than any of their members (GroupTotals).</summary>
    public static bool GroupTotals { get; } = !Off.Contains("totals");

    /// <summary>On a positive, widely spread regression target, LightGBM twins of the first portfolio points fit its logarithm.</summary>
    public static bool LogTarget { get; } = !Off.Contains("logtarget");
}
