using System.Globalization;

namespace AutoMl.Workers.Hosting;

internal static class WorkerSentry
{
    /// <summary>Errors logged by jobs go to Sentry when SENTRY_DSN is set, as in the API; nothing is loaded otherwise.</summary>
    public static IServiceCollection AddWorkerSentry(this IServiceCollection services, IConfiguration configuration)
    {
        var dsn = configuration["SENTRY_DSN"];
        if (string.IsNullOrWhiteSpace(dsn))
        {
            return services;
        }
        return services.AddLogging(logging => logging.AddSentry(o =>
        {
            o.Dsn = dsn;
            o.SendDefaultPii = false;
            o.TracesSampleRate = TracesSampleRate(configuration);
        }));
    }

    public static double TracesSampleRate(IConfiguration configuration) =>
        double.TryParse(configuration["SENTRY_TRACES_SAMPLE_RATE"], CultureInfo.InvariantCulture, out var rate) ? Math.Clamp(rate, 0, 1) : 0.1;
}
