using AutoMl.Domain.Accounts;

namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// The "AutoMl:RateLimits" section, e.g. AutoMl__RateLimits__Free__General__Burst=20. General follows
/// DESIGN.md's tiers; job submission is scarcer (each one holds credits and a worker), prediction richer.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "AutoMl:RateLimits";

    public TierLimits Free { get; set; } = new()
    {
        General = new() { PerSecond = 5, Burst = 20 },
        JobSubmission = new() { PerSecond = 0.2, Burst = 5 },
        Prediction = new() { PerSecond = 10, Burst = 40 },
        HubInvocation = new() { PerSecond = 1, Burst = 20 },
    };

    public TierLimits Pro { get; set; } = new()
    {
        General = new() { PerSecond = 50, Burst = 200 },
        JobSubmission = new() { PerSecond = 2, Burst = 20 },
        Prediction = new() { PerSecond = 100, Burst = 400 },
        HubInvocation = new() { PerSecond = 5, Burst = 60 },
    };

    public TierLimits Enterprise { get; set; } = new()
    {
        General = new() { PerSecond = 200, Burst = 1000 },
        JobSubmission = new() { PerSecond = 10, Burst = 100 },
        Prediction = new() { PerSecond = 500, Burst = 2000 },
        HubInvocation = new() { PerSecond = 20, Burst = 200 },
    };

    /// <summary>The anonymous sign-in endpoints, limited per client address and per email address.</summary>
    public AuthRateLimitOptions Auth { get; set; } = new();

    public LoginThrottleOptions LoginThrottle { get; set; } = new();

    public ConfirmationResendOptions ConfirmationResends { get; set; } = new();

    public PasswordHashingOptions PasswordHashing { get; set; } = new();

    /// <summary>Off only for load benchmarks that measure everything but the limit; answers then carry no RateLimit headers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Longest wait for Redis on a request before the in-process buckets answer instead.</summary>
    public int RedisTimeoutMilliseconds { get; set; } = 250;

    /// <summary>After Redis failed, requests use the in-process buckets this long before Redis is tried again.</summary>
    public int RedisRetrySeconds { get; set; } = 5;

    /// <summary>
    /// How long the API remembers a user's tier. A tier change is announced to every instance, which forgets it at once:
    /// this bounds only a change announced while Redis was away, as long as an API key is remembered.
    /// </summary>
    public int TierCacheSeconds { get; set; } = 60;

    public BucketLimit For(Tier tier, RouteClass routeClass)
    {
        var limits = tier switch
        {
            Tier.Free => Free,
            Tier.Pro => Pro,
            Tier.Enterprise => Enterprise,
        };
        var size = routeClass switch
        {
            RouteClass.General => limits.General,
            RouteClass.JobSubmission => limits.JobSubmission,
            RouteClass.Prediction => limits.Prediction,
            RouteClass.HubInvocation => limits.HubInvocation,
        };
        return new BucketLimit(Math.Max(0.001, size.PerSecond), Math.Max(1, size.Burst));
    }

    public sealed class TierLimits
    {
        public BucketSize General { get; set; } = new();
        public BucketSize JobSubmission { get; set; } = new();
        public BucketSize Prediction { get; set; } = new();
        public BucketSize HubInvocation { get; set; } = new();
    }

    public sealed class BucketSize
    {
        public double PerSecond { get; set; } = 1;
        public int Burst { get; set; } = 1;
    }
}
