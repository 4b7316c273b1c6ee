using AutoMl.Api.Accounts;
using AutoMl.Api.Credits;
using AutoMl.Api.Errors;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Serilog;

namespace AutoMl.Api.Hosting;

internal static class ApiPipeline
{
    public static void UseAutoMlPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseDashboardFiles();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapAutoMlEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference();

        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapApiKeyEndpoints();
        api.MapCreditEndpoints();
        api.MapFallback(() => ProblemResults.NotFound("There is no API endpoint at this address: check the path against /openapi/v1.json."));
        app.MapDashboardFallback();
    }
}
