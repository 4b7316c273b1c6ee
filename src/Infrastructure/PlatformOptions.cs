using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Events;

namespace AutoMl.Infrastructure;

/// <summary>The "AutoMl" configuration section; every default runs on a laptop with nothing set.</summary>
public sealed class PlatformOptions
{
    public const string Section = "AutoMl";

    public string PublicUrl { get; set; } = "http://127.0.0.1:8080";
    public long SignupBonusCredits { get; set; } = CreditRules.DefaultSignupBonus;

    /// <summary>Where a refused user is told to write (a suspended account, a payment Stripe refused).</summary>
    public string SupportEmail { get; set; } = "support@automl.example";

    /// <summary>Prefix of every Redis key, so several stacks (or test classes) share one Redis safely.</summary>
    public string RedisPrefix { get; set; } = "automl:";

    /// <summary>Writes each queued email's text to the log; meant for the local stack, where no provider is configured.</summary>
    public bool LogEmailBodies { get; set; }

    public NotificationOptions Notifications { get; set; } = new();

    public EventOptions Events { get; set; } = new();

    public ModelWarmupOptions ModelWarmup { get; set; } = new();

    public DataProtectionKeyOptions DataProtection { get; set; } = new();

    public PredictionOptions Predictions { get; set; } = new();

    public ModelCacheOptions ModelCache { get; set; } = new();

    /// <summary>Serves /openapi/v1.json and /scalar outside Development (AutoMl__ApiDocs); in Development they are always on.</summary>
    public bool ApiDocs { get; set; }

    public TrustedProxyOptions ForwardedHeaders { get; set; } = new();

    /// <summary>
    /// Outside Development the session and anti-forgery cookies are always Secure; this lets them go without it over
    /// plain HTTP. Only for the local plain-HTTP scripts (run.sh, infra/multi.sh, bench) on 127.0.0.1; never in production.
    /// </summary>
    public bool InsecureCookies { get; set; }
}

/// <summary>Online predictions on one API instance (AutoMl__Predictions__*).</summary>
public sealed class PredictionOptions
{
    /// <summary>Predictions that run at once on an instance; more get a 503 with Retry-After, so SHAP cannot take every core.</summary>
    public int MaxConcurrent { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>
    /// How long a prediction waits for a slot before its 503: one-row requests hold a slot for a millisecond or two, so a
    /// short wait absorbs a burst that refusing at once would turn into failures.
    /// </summary>
    public int QueueMilliseconds { get; set; } = 500;

    /// <summary>
    /// How long an instance may predict with a model as it last read it (owner, bundle, threshold) when the announcement of
    /// a change is lost; changes are announced, so this is only the fallback. 0 reads the model on every prediction.
    /// </summary>
    public int ModelLookupSeconds { get; set; } = 30;
}

/// <summary>The loaded model bundles an API instance keeps (AutoMl__ModelCache__*).</summary>
public sealed class ModelCacheOptions
{
    /// <summary>Estimated memory of the loaded bundles kept; the least recently used go first past it.</summary>
    public long MaxBytes { get; set; } = 1L << 30;
}

/// <summary>
/// Which peers' X-Forwarded-For and X-Forwarded-Proto the API believes (AutoMl__ForwardedHeaders__*), besides loopback,
/// which is always trusted (nginx on the same host). From any other peer those headers are ignored.
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>Comma-separated CIDR networks of our proxies, e.g. the compose network nginx reaches the API from.</summary>
    public string KnownNetworks { get; set; } = "";

    /// <summary>Comma-separated addresses of single proxies.</summary>
    public string KnownProxies { get; set; } = "";
}

/// <summary>What an API instance loads before anyone predicts (AutoMl__ModelWarmup__*).</summary>
public sealed class ModelWarmupOptions
{
    /// <summary>How many of the newest models an instance loads as it starts; 0 turns that off.</summary>
    public int NewestOnStart { get; set; } = 8;

    /// <summary>How many of the models predicted in the last hour (<see cref="Models.HotModels"/>) an instance loads as it starts; 0 turns that off.</summary>
    public int HotOnStart { get; set; } = 64;

    /// <summary>How long an instance spends loading models before it listens, at most; what is left loads on its first prediction.</summary>
    public int StartSeconds { get; set; } = 20;
}

/// <summary>When the platform emails a user on its own (AutoMl__Notifications__*).</summary>
public sealed class NotificationOptions
{
    /// <summary>Training jobs with at least this budget mail their outcome; shorter ones are usually watched live.</summary>
    public int JobFinishedMinBudgetSeconds { get; set; } = 300;

    /// <summary>A charge that takes the balance below this sends the low-balance email (once per crossing).</summary>
    public long LowBalanceCredits { get; set; } = CreditRules.DefaultLowBalance;
}
