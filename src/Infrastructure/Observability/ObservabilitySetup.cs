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
    /// only when OTEL_EXPORTER_OTLP_ENDPOINT or Observability:OtlpEndpoint is set, so a plain run pays nothing for it;
    /// gRPC unless OTEL_EXPORTER_OTLP_PROTOCOL (or Observability:OtlpProtocol) is http/protobuf.
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
        var http = (configuration["Observability:OtlpProtocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) is "http/protobuf";
        var target = new Uri(endpoint);
        if (http && target.AbsolutePath is "" or "/")
        {
            // An endpoint set in code is used as it is; over HTTP the signal's path is part of it.
            target = new Uri(target, "/v1/metrics");
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("automl-" + serviceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = target;
                    exporter.Protocol = http ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval * 1000;
                }));
        return services;
    }
}
