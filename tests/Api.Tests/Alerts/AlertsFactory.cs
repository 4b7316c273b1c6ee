using AutoMl.Api.Tests.Support;
using AutoMl.Workers.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Alerts;

/// <summary>
/// The API with the worker's jobs registered but no Hangfire server: the tests run the alerts job themselves, on a clock
/// they move, and nothing else drains the queues or the outbox behind their backs.
/// </summary>
public sealed class AlertsFactory : ApiFactory
{
    public const string WebhookSecret = "whsec_alerts_test_secret";

    public MovableClock Clock { get; } = new();

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("Stripe:WebhookSecrets", WebhookSecret);
        builder.UseSetting("AutoMl:RateLimits:Enabled", "false");
        builder.ConfigureServices(services =>
        {
            services.AddAutoMlWorkerJobs();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
