namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Buckets of the sign-in endpoints (AutoMl__RateLimits__Auth__&lt;Class&gt;__PerClient__Requests, __WindowSeconds,
/// and __PerAddress__…): Requests at once, refilled evenly over WindowSeconds. Per client is per IP address
/// (IPv6 by its /64); per address is per normalised email address, whatever client asks.
/// </summary>
public sealed class AuthRateLimitOptions
{
    public AuthClassLimits SignUp { get; set; } = new()
    {
        PerClient = new() { Requests = 5, WindowSeconds = 3600 },
        PerAddress = new() { Requests = 3, WindowSeconds = 3600 },
    };

    public AuthClassLimits Login { get; set; } = new()
    {
        PerClient = new() { Requests = 10, WindowSeconds = 60 },
        PerAddress = new() { Requests = 5, WindowSeconds = 60 },
    };

    /// <summary>The link carries the user id, not the address: "per address" is per user id here.</summary>
    public AuthClassLimits ConfirmEmail { get; set; } = new()
    {
        PerClient = new() { Requests = 20, WindowSeconds = 3600 },
        PerAddress = new() { Requests = 10, WindowSeconds = 3600 },
    };

    /// <summary>Per address, resends have limits of their own (ConfirmationResends); this is the client's share.</summary>
    public AuthClassLimits ResendConfirmation { get; set; } = new()
    {
        PerClient = new() { Requests = 10, WindowSeconds = 3600 },
        PerAddress = new() { Requests = 10, WindowSeconds = 3600 },
    };

    public AuthClassLimits PasswordReset { get; set; } = new()
    {
        PerClient = new() { Requests = 5, WindowSeconds = 3600 },
        PerAddress = new() { Requests = 3, WindowSeconds = 3600 },
    };

    public AuthClassLimits For(AuthRouteClass routeClass) => routeClass switch
    {
        AuthRouteClass.SignUp => SignUp,
        AuthRouteClass.Login => Login,
        AuthRouteClass.ConfirmEmail => ConfirmEmail,
        AuthRouteClass.ResendConfirmation => ResendConfirmation,
        AuthRouteClass.PasswordReset => PasswordReset,
    };

    public sealed class AuthClassLimits
    {
        public WindowLimit PerClient { get; set; } = new();
        public WindowLimit PerAddress { get; set; } = new();
    }
}

/// <summary>Requests at once, refilled evenly so that Requests more are allowed every WindowSeconds.</summary>
public sealed class WindowLimit
{
    public int Requests { get; set; } = 1;
    public double WindowSeconds { get; set; } = 60;

    public BucketLimit ToBucket() => new(Math.Max(1, Requests) / Math.Max(0.001, WindowSeconds), Math.Max(1, Requests));
}

/// <summary>Growing waits between sign-in attempts for one address from one client (AutoMl__RateLimits__LoginThrottle__*).</summary>
public sealed class LoginThrottleOptions
{
    /// <summary>Attempts (from one client, for one address) before each next attempt must wait.</summary>
    public int FreeAttempts { get; set; } = 5;

    /// <summary>The first wait; each further attempt doubles it.</summary>
    public double FirstDelaySeconds { get; set; } = 1;

    public double MaxDelaySeconds { get; set; } = 300;

    /// <summary>A client's attempts for an address are forgotten this long after its last one (and at once after a success).</summary>
    public double ForgetAfterSeconds { get; set; } = 86400;
}

/// <summary>Confirmation email resends per address (AutoMl__RateLimits__ConfirmationResends__*).</summary>
public sealed class ConfirmationResendOptions
{
    /// <summary>Least time between two resends to one address; 0 turns this limit off.</summary>
    public double MinIntervalSeconds { get; set; } = 300;

    /// <summary>Resends to one address at once, refilled evenly over a day.</summary>
    public int PerDay { get; set; } = 5;
}

/// <summary>Password hashes (sign-up, sign-in) computed at once on one API instance (AutoMl__RateLimits__PasswordHashing__*).</summary>
public sealed class PasswordHashingOptions
{
    /// <summary>0 means half the cores (at least one), so hashing never starves every other request.</summary>
    public int MaxConcurrent { get; set; }

    /// <summary>How long a request waits for a free slot before it gets 503 with Retry-After.</summary>
    public int MaxWaitMilliseconds { get; set; } = 2000;

    public int EffectiveMaxConcurrent => MaxConcurrent > 0 ? MaxConcurrent : Math.Max(1, Environment.ProcessorCount / 2);
}
