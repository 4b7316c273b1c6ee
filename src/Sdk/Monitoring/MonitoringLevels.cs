namespace AutoMl.Sdk;

/// <summary>The values of <see cref="WindowFeature.Level"/>.</summary>
public static class MonitoringLevels
{
    /// <summary>Below the warning line.</summary>
    public const string Ok = "ok";

    /// <summary>At or past the warning line, below the alert line.</summary>
    public const string Warn = "warn";

    /// <summary>At or past the alert line; two windows in a row raise a drift alert.</summary>
    public const string Alert = "alert";

    /// <summary>The window had too few rows to judge.</summary>
    public const string Skipped = "skipped";
}
