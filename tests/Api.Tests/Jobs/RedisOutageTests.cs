using System.Diagnostics;
using System.Net;
using AutoMl.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AutoMl.Api.Tests.Jobs;

public sealed class RedisOutageTests(PrivateRedisPlatformFactory platform) : IClassFixture<PrivateRedisPlatformFactory>
{
    [Fact]
    public async Task while_redis_is_down_a_submission_is_accepted_at_once_and_its_job_runs_when_redis_is_back()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        var redis = platform.Services.GetRequiredService<IConnectionMultiplexer>();

        platform.Redis.Kill();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (redis.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.False(redis.IsConnected, "the platform did not notice Redis going away");

        // Redis's timeouts here are 2 s: an enqueue and two live events waiting them out would take 6 s.
        var clock = Stopwatch.StartNew();
        var submitted = await (await user.Http.SubmitAsync(dataset, "diabetes", 10)).JsonAsync(HttpStatusCode.Accepted);
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the submission took {clock.Elapsed.TotalSeconds:0.0} s with Redis down");
        var id = submitted.GetProperty("id").GetString()!;
        var held = submitted.GetProperty("heldCredits").GetInt64();
        Assert.Equal("queued", submitted.Status());
        var stored = await (await user.Http.GetAsync($"/api/v1/jobs/{id}/events")).JsonAsync();
        Assert.Equal("job.queued", stored.GetProperty("items")[0].GetProperty("type").GetString());

        platform.Redis.Start();
        var job = await user.Http.JobUntilAsync(id, j => j.Ended(), 120, 250);

        Assert.Equal("succeeded", job.Status());
        var charged = job.GetProperty("chargedCredits").GetInt64();
        Assert.InRange(charged, 1, held);
        var credits = await user.Http.CreditsAsync();
        Assert.Equal((100 - charged, 0L), (credits.GetProperty("balance").GetInt64(), credits.GetProperty("held").GetInt64()));
    }
}
