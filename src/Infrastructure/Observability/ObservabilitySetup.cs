using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AutoMl.Infrastructure.Observability;

public static class ObservabilitySetup
{
    /// <summary>The meters exported: ours, then the runtime's, ASP.NET Core's, HttpClient's (built into .NET 10) and Npgsql's.</summary>
    public static readonly string[] Meters =
    [
        AutoMlMetrics.MeterName,
        QueueDepthGauge.MeterName,
        RateLimiting.RateLimitMetrics.MeterName,
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
    ];

    /// <summary>
    /// The queue-depth gauge always (a MeterListener can read it); the OpenTelemetry pipeline with its OTLP exporter
    /// only when OTEL_EXPORTER_OTLP_ENDPOINT or Observability:OtlpEndpoint is set, so a plain run pays nothing for it.
    /// </summary>
    public static IServiceCollection AddAutoMlObservability(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddHostedService<QueueDepthGauge>();
        var endpoint = configuration["Observability:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }
        var interval = configuration.GetValue("Observability:ExportIntervalSeconds", 15);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("automl-" + serviceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = new Uri(endpoint);
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval * 1000;
                }));
        return services;
    }
}
