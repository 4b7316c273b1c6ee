namespace AutoMl.Infrastructure.Rewards;

/// <summary>The "AdMob" configuration section: where the verifier keys come from and what a rewarded ad is worth.</summary>
public sealed class AdMobOptions
{
    public const string Section = "AdMob";

    public string VerifierKeysUrl { get; set; } = "https://www.gstatic.com/admob/reward/verifier-keys.json";

    /// <summary>Credits per verified ad; the callback's reward_amount is ignored, since the app's ad unit sets it.</summary>
    public long RewardCredits { get; set; } = 5;

    /// <summary>Rewarded claims per user per UTC day; claims past it are recorded and not credited.</summary>
    public int DailyCap { get; set; } = 20;

    public int UserPerHour { get; set; } = 12;
    public int DevicePerHour { get; set; } = 12;
    public int IpPerHour { get; set; } = 30;

    /// <summary>Claims scoring this or more are held for an admin's review instead of credited.</summary>
    public int ReviewThreshold { get; set; } = 50;

    /// <summary>Fastest the keys are fetched again for an unknown key id, so made-up ids cannot hammer Google.</summary>
    public int KeyRefetchSeconds { get; set; } = 60;

    public int KeyCacheHours { get; set; } = 24;
}
