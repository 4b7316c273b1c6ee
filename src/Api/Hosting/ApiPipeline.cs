using AutoMl.Api.Accounts;
using AutoMl.Api.Admin;
using AutoMl.Api.Credits;
using AutoMl.Api.Datasets;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Api.Models;
using AutoMl.Api.Payments;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Registry;
using AutoMl.Api.Rewards;
using AutoMl.Api.Security;
using AutoMl.Api.Serving;
using AutoMl.Api.Workflows;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Events;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
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
        app.UseSecurityHeaders();
        var requestLog = app.Services.GetRequiredService<RequestLogSampling>();
        app.UseSerilogRequestLogging(o => o.GetLevel = requestLog.LevelOf);
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
        // The API's full map helps whoever probes it as much as whoever builds on it: off in production unless asked for.
        var docs = app.Environment.IsDevelopment() || app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.ApiDocs;
        if (docs)
        {
            app.MapOpenApi();
            app.MapScalarApiReference(o => o.WithNonce()); // its inline start-up script runs under SecurityHeaders' nonce policy
        }

        app.MapStripeWebhook();
        app.MapAdMobWebhook();
        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapExportEndpoints();
        api.MapApiKeyEndpoints();
        api.MapCreditEndpoints();
        api.MapBillingEndpoints();
        api.MapAdminEndpoints();
        api.MapAlertEndpoints();
        api.MapDatasetEndpoints();
        api.MapJobEndpoints();
        api.MapPricingEndpoints();
        api.MapModelEndpoints();
        api.MapRegisteredModelEndpoints();
        api.MapServingEndpoints();
        api.MapWorkflowEndpoints();
        // Negotiating is a POST, but the hub only ever reads: any key may listen.
        app.MapHub<EventsHub>("/hubs/events").KeysNeed(Domain.Accounts.ApiKeyScope.Read);
        app.MapAdminHangfireDashboard();
        api.MapFallback(() => ProblemResults.NotFound("There is no API endpoint at this address: check the path against /openapi/v1.json."));
        foreach (var prefix in docs ? ["/hubs", "/health", "/openapi"] : new[] { "/hubs", "/health", "/openapi", "/scalar" })
        {
            // Server paths, not dashboard routes: a mistyped one answers 404, not the dashboard's page with 200.
            app.MapFallback($"{prefix}/{{**rest}}", () => ProblemResults.NotFound($"There is nothing at this address under {prefix}/."));
        }

        app.MapDashboardFallback();
    }
}
