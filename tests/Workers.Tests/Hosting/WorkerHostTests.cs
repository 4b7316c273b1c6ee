using System.Diagnostics;
using AutoMl.Infrastructure;
using AutoMl.Testing;
using AutoMl.Workers.Hosting;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoMl.Workers.Tests.Hosting;

public sealed class WorkerHostTests
{
    [Fact]
    public async Task the_worker_announces_itself_on_its_queues_and_leaves_cleanly_on_stop()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestStack.Postgres("postgres"),
            ["ConnectionStrings:Redis"] = TestStack.Redis,
            ["AutoMl:RedisPrefix"] = $"test:{Guid.NewGuid():N}:",
            ["Worker:Queues"] = "low,normal",
            ["Worker:Count"] = "1",
        });
        builder.Services.AddAutoMlInfrastructure(builder.Configuration);
        builder.Services.AddAutoMlWorker(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var server = await EventuallyAsync(() => monitoring.Servers().SingleOrDefault());
        Assert.Equal(["low", "normal"], server.Queues.Order());
        Assert.Equal(1, server.WorkersCount);

        var stopping = Stopwatch.StartNew();
        await host.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"stop took {stopping.Elapsed}");
        Assert.Empty(monitoring.Servers());
    }

    [Fact]
    public void an_unknown_queue_name_stops_the_worker_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Worker:Queues"] = "urgent" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.Services.AddAutoMlWorker(builder.Configuration));
        Assert.Contains("high, normal, low", error.Message, StringComparison.Ordinal);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The worker did not announce itself to Hangfire within 20 s.");
    }
}
