using System.Diagnostics.Metrics;
using AutoMl.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure.Tests.RateLimiting;

public sealed class FallbackTests
{
    // Nothing listens on port 1: the multiplexer never connects.
    private const string UnreachableRedis = "127.0.0.1:1,connectRetry=0,connectTimeout=500";

    private static readonly Dictionary<string, string?> SmallBucket = new()
    {
        ["AutoMl:RateLimits:Free:General:PerSecond"] = "0.1",
        ["AutoMl:RateLimits:Free:General:Burst"] = "3",
    };

    [Fact]
    public async Task an_unreachable_redis_falls_back_to_in_process_buckets_with_the_same_numbers()
    {
        await using var api = new RateLimitStack(RateLimitStack.NewPrefix(), UnreachableRedis, SmallBucket);

        var decisions = await api.TakeAsync(Guid.NewGuid(), 5);

        Assert.Equal([true, true, true, false, false], decisions.Select(d => d.Allowed));
        Assert.Equal([2, 1, 0], decisions[..3].Select(d => d.Remaining));
        Assert.InRange(decisions[3].RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.True(api.Limits.UsingFallback);
    }

    [Fact]
    public async Task the_switch_to_the_fallback_is_logged_once_not_per_request()
    {
        await using var api = new RateLimitStack(RateLimitStack.NewPrefix(), UnreachableRedis, SmallBucket);

        await api.TakeAsync(Guid.NewGuid(), 10);
        await api.TakeAsync(Guid.NewGuid(), 10);

        var warning = Assert.Single(api.Log.Warnings);
        Assert.Contains("in this process", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task rejections_are_counted_for_metrics()
    {
        await using var api = new RateLimitStack(RateLimitStack.NewPrefix(), UnreachableRedis, SmallBucket);
        var meters = api.Services.GetRequiredService<IMeterFactory>();
        long rejections = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "automl.rate_limit.rejections")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rejections, value));
        listener.Start();

        await api.TakeAsync(Guid.NewGuid(), 5, Tier.Free);

        Assert.Equal(2, Interlocked.Read(ref rejections));
    }
}
