using AutoMl.Workers.Alerts;
using AutoMl.Workers.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Support;

/// <summary>The worker's operations jobs run at once, as Hangfire would run them (for tests outside this project too).</summary>
public static class OperationsSteps
{
    public static async Task ReconcileAsync(this ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReconciliationJob>().RunAsync(default);
    }

    public static async Task RunAlertsAsync(this ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformAlertsJob>().RunAsync(default);
    }
}
