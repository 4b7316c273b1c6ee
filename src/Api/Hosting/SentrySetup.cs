namespace AutoMl.Api.Hosting;

internal static class SentrySetup
{
    /// <summary>
    /// Sentry stays out of the process entirely until SENTRY_DSN is set; then errors and request traces go to it,
    /// SENTRY_TRACES_SAMPLE_RATE (0 to 1, default 0.1) of the requests traced.
    /// </summary>
    public static void AddAutoMlSentry(this WebApplicationBuilder builder)
    {
        var dsn = builder.Configuration["SENTRY_DSN"];
        if (string.IsNullOrWhiteSpace(dsn))
        {
            return;
        }
        builder.WebHost.UseSentry(o =>
        {
            o.Dsn = dsn;
            o.SendDefaultPii = false;
            o.TracesSampleRate = double.TryParse(builder.Configuration["SENTRY_TRACES_SAMPLE_RATE"], System.Globalization.CultureInfo.InvariantCulture, out var rate)
                ? Math.Clamp(rate, 0, 1)
                : 0.1;
            o.Environment = builder.Environment.EnvironmentName.ToLowerInvariant();
        });
    }
}
