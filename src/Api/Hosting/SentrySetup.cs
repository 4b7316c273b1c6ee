namespace AutoMl.Api.Hosting;

internal static class SentrySetup
{
    /// <summary>Sentry stays out of the process entirely until SENTRY_DSN is set.</summary>
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
            o.TracesSampleRate = double.TryParse(builder.Configuration["SENTRY_TRACES_SAMPLE_RATE"], System.Globalization.CultureInfo.InvariantCulture, out var rate) ? rate : 0.1;
        });
    }
}
