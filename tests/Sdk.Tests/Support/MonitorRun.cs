using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMl.Sdk.Tests.Support;

/// <summary>
/// The monitor is an hourly job that judges windows once they have closed, and a window lasts a day unless changed:
/// a test cannot wait for one, so it runs the monitor itself with the clock at the end of the window that holds the
/// endpoint's logged requests.
/// </summary>
public static class MonitorRun
{
    public static async Task JudgeAsync(PlatformFactory platform, Guid endpointId, int rows)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var served = db.PredictionLogs.AsNoTracking().Where(l => l.EndpointId == endpointId && l.Role == PredictionLog.Served);
        // The log is written just after the answer, off the request's path.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await served.SumAsync(l => l.Rows) < rows)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The endpoint's log did not hold {rows} rows within 30 s.");
            await Task.Delay(200);
        }
        var endpoint = await db.Endpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId);
        var length = TimeSpan.FromHours(endpoint.MonitorWindowHours);
        var clock = new MovableClock();
        clock.Pin(EndpointMonitor.WindowStart(await served.MaxAsync(l => l.At), length) + length);
        var monitor = new EndpointMonitor(db, scope.ServiceProvider.GetRequiredService<EmailTemplates>(), clock, NullLogger<EndpointMonitor>.Instance);
        await monitor.MonitorAsync(endpointId, default);
    }
}
