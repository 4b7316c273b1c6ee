using System.Text.Json.Serialization;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.Json;
using StackExchange.Redis;

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
        services.AddAccounts(configuration);
        services.AddAutoMlAntiforgery();
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddDbContextCheck<AutoMlDbContext>("postgres", tags: ["ready"])
            .AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: ["ready"]);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = DefaultBodyLimitBytes;
            o.AddServerHeader = false;
        });
        return services;
    }
}
