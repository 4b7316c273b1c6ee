namespace AutoMl.Web.Tests.Support;

/// <summary>
/// Splits the browser specs between the two platforms so both finish at about the same time: the longest first, each
/// to the lane with less work so far (the longest-processing-time rule). Durations are seconds measured in CI; a spec
/// not listed counts as a short one. Deterministic, so a spec always runs in the same lane.
/// </summary>
public static class SpecLanes
{
    public const int Count = 2;

    /// <summary>Seconds a lane spends before its specs: the first lane also runs <see cref="ScriptPayloadSpecs"/>.</summary>
    private static readonly int[] Preloaded = [55, 0];

    private static readonly Dictionary<string, int> Seconds = new(StringComparer.Ordinal)
    {
        ["train"] = 81,
        ["models"] = 71,
        ["registry"] = 65,
        ["journey"] = 64,
        ["models-list"] = 63,
        ["settings"] = 61,
        ["model-download"] = 61,
        ["workflows"] = 56,
        ["firstrun"] = 49,
        ["insight"] = 44,
        ["flow"] = 40,
        ["threshold"] = 38,
        ["billing"] = 36,
        ["datasets"] = 33,
        ["dataset-versions"] = 25,
        ["auth"] = 24,
        ["train-errors"] = 21,
        ["admin"] = 20,
        ["admin-alerts"] = 20,
        ["data-checks"] = 13,
        ["credits"] = 13,
        ["keys"] = 12,
        ["apidocs"] = 4,
    };

    private const int Unmeasured = 30;

    /// <summary>The lane (0 or 1) of every spec among <paramref name="specs"/>.</summary>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<string> specs)
    {
        var load = (int[])Preloaded.Clone();
        var lanes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in specs.OrderByDescending(DurationOf).ThenBy(s => s, StringComparer.Ordinal))
        {
            var lane = load[0] <= load[1] ? 0 : 1;
            lanes[spec] = lane;
            load[lane] += DurationOf(spec);
        }
        return lanes;
    }

    private static int DurationOf(string spec) => Seconds.GetValueOrDefault(spec, Unmeasured);
}
