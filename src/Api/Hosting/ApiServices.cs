using System.Text.Json.Serialization;
using AutoMl.Api.Accounts;
using AutoMl.Api.Admin;
using AutoMl.Api.Datasets;
using AutoMl.Api.Errors;
using AutoMl.Api.Events;
using AutoMl.Api.OpenApi;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Observability;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Queues;
using AutoMl.Infrastructure.Redis;
using Microsoft.AspNetCore.Http.Json;

namespace AutoMl.Api.Hosting;

internal static class ApiServices
{
    public const long DefaultBodyLimitBytes = 1024 * 1024;

    public static IServiceCollection AddAutoMlApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonOptions>(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddValidation();
        services.AddAutoMlDataProtection(configuration);
        services.AddTrustedProxies();
        services.AddAccounts(configuration);
        services.AddLiveEventGuards();
        services.AddAutoMlRateLimits(configuration);
        services.AddAdmin();
        services.AddAutoMlHangfire();
        services.AddAutoMlObservability(configuration, "api");
        services.AddAutoMlReadDb(configuration);
        services.Configure<RequestLogOptions>(configuration.GetSection(RequestLogOptions.Section));
        services.AddSingleton<RequestLogSampling>();
        services.AddScoped<DatasetQuota>();
        services.AddScoped<DatasetUploads>();
        services.AddScoped<Jobs.JobAdmission>();
        services.AddScoped<Accounts.AuditLog>();
        services.AddScoped<Jobs.TrainingRequestCheck>();
        services.AddSingleton<Datasets.DatasetTargetChecks>();
        services.AddScoped<Jobs.JobIdempotency>();
        services.AddScoped<Jobs.JobSubmission>();
        services.AddScoped<Jobs.JobQuote>();
        services.AddScoped<Jobs.JobCancel>();
        services.AddScoped<Models.BatchPredictionSubmission>();
        services.AddScoped<Evaluations.EvaluationSubmission>();
        services.AddSingleton<Models.ModelCache>();
        services.AddSingleton<Models.PredictionGate>();
        services.AddSingleton<Models.ModelTargets>();
        services.AddHostedService(sp => sp.GetRequiredService<Models.ModelTargets>());
        services.AddScoped<Models.OnlinePrediction>();
        services.AddSingleton<Infrastructure.Registry.PredictionLogSampling>();
        services.AddSingleton<Serving.PredictionLogWriter>();
        services.AddSingleton<Serving.ShadowScoring>();
        services.AddHostedService(sp => sp.GetRequiredService<Serving.ShadowScoring>());
        services.AddHostedService<Serving.PredictionLogFlusher>();
        services.AddHostedService<Models.ModelWarmer>();
        services.AddHostedService<StartupWarmup>();
        services.AddSingleton<PipelineRehearsal>();
        services.AddTransient<IStartupFilter>(sp => sp.GetRequiredService<PipelineRehearsal>());
        services.AddAutoMlAntiforgery();
        services.AddCookieSecurity();
        services.AddAutoMlOpenApi();
        services.AddHealthChecks()
            .AddDbContextCheck<AutoMlDbContext>("postgres", tags: ["ready"])
            .AddRedisCheck("ready");
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = DefaultBodyLimitBytes;
            o.AddServerHeader = false;
        });
        return services;
    }
}
