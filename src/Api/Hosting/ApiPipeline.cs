using AutoMl.Api.Accounts;
using AutoMl.Api.Admin;
using AutoMl.Api.Credits;
using AutoMl.Api.Datasets;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Api.Models;
using AutoMl.Api.Payments;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Rewards;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Events;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Serilog;

namespace AutoMl.Api.Hosting;

internal static class ApiPipeline
{
    public static void UseAutoMlPipeline(this WebApplication app)
    {
        // Outermost, so the request log shows the status the client got, not the exception on its way to the handler.
        // Behind nginx: client address and scheme come from X-Forwarded-*, believed only from trusted proxies (TrustedProxies).
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCookieSecurity();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseDashboardFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAutoMlRateLimits();
    }

    public static void MapAutoMlEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference();

        app.MapStripeWebhook();
        app.MapAdMobWebhook();
        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapApiKeyEndpoints();
        api.MapCreditEndpoints();
        api.MapBillingEndpoints();
        api.MapAdminEndpoints();
        api.MapDatasetEndpoints();
        api.MapJobEndpoints();
        api.MapPricingEndpoints();
        api.MapModelEndpoints();
        app.MapHub<EventsHub>("/hubs/events");
        app.MapAdminHangfireDashboard();
        api.MapFallback(() => ProblemResults.NotFound("There is no API endpoint at this address: check the path against /openapi/v1.json."));
        foreach (var prefix in new[] { "/hubs", "/health", "/openapi" })
        {
            // Server paths, not dashboard routes: a mistyped one answers 404, not the dashboard's page with 200.
            app.MapFallback($"{prefix}/{{**rest}}", () => ProblemResults.NotFound($"There is nothing at this address under {prefix}/."));
        }

        app.MapDashboardFallback();
    }
}
