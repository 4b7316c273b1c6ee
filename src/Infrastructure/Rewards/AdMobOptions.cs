namespace AutoMl.Infrastructure.Rewards;

/// <summary>The "AdMob" configuration section: where the verifier keys come from and what a rewarded ad is worth.</summary>
public sealed class AdMobOptions
{
    public const string Section = "AdMob";

    public string VerifierKeysUrl { get; set; } = "https://www.gstatic.com/admob/reward/verifier-keys.json";

    /// <summary>
    /// Our rewarded ad units, comma-separated (AdMob__AdUnits): the number callbacks carry as ad_unit, or the full
    /// "ca-app-pub-…/number" id. Google signs every publisher's callbacks with the same keys, so a callback for any other
    /// unit is refused; with none set, every callback is.
    /// </summary>
    public string AdUnits { get; set; } = "";

    /// <summary>A callback whose timestamp is older than this is refused, so a signed callback cannot be held back and cashed later.</summary>
    public int MaxAgeMinutes { get; set; } = 60;

    /// <summary>Credits per verified ad; the callback's reward_amount is ignored, since the app's ad unit sets it.</summary>
    public long RewardCredits { get; set; } = 5;

    /// <summary>Rewarded claims per user per UTC day; claims past it are recorded and not credited.</summary>
    public int DailyCap { get; set; } = 20;

    public int UserPerHour { get; set; } = 12;
    public int DevicePerHour { get; set; } = 12;
    public int IpPerHour { get; set; } = 30;

    /// <summary>
    /// Callbacks per hour from one sending address (the connection's, after trusted proxies). Callbacks come from
    /// Google's servers, so this is not the viewer: it only adds risk to a burst through one sender.
    /// </summary>
    public int SourcePerHour { get; set; } = 600;

    /// <summary>Claims scoring this or more are held for an admin's review instead of credited.</summary>
    public int ReviewThreshold { get; set; } = 50;

    /// <summary>Fastest the keys are fetched again for an unknown key id, so made-up ids cannot hammer Google.</summary>
    public int KeyRefetchSeconds { get; set; } = 60;

    public int KeyCacheHours { get; set; } = 24;

    public IReadOnlySet<string> OurAdUnits() =>
        AdUnits.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(unit => unit[(unit.LastIndexOf('/') + 1)..])
            .Where(unit => unit.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
