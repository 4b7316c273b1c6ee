using AutoMl.Domain.Registry;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Registry;

/// <summary>
/// Whether an endpoint request is logged: every one up to the tier's daily cap, counted per endpoint and UTC day in
/// Redis (shared by every API instance), then one in <see cref="PredictionLogPlan.SampleEvery"/>.
/// </summary>
public sealed class PredictionLogSampling(IConnectionMultiplexer redis, TimeProvider clock, ILogger<PredictionLogSampling> logger)
{
    /// <returns>The sample rate this request is logged at, or null when it is not logged.</returns>
    public async Task<double?> SampleAsync(Guid endpointId, PredictionLogPlan plan)
    {
        long count;
        try
        {
            var key = $"plog:{endpointId:N}:{clock.GetUtcNow():yyyyMMdd}";
            count = await redis.GetDatabase().StringIncrementAsync(key);
            if (count == 1)
            {
                await redis.GetDatabase().KeyExpireAsync(key, TimeSpan.FromDays(2));
            }
        }
        catch (RedisException e)
        {
            // Without the day's count the cap cannot be told: log the request, as a day under the cap would.
            logger.LogWarning(e, "The prediction log's daily count is unavailable; logging the request");
            return 1;
        }
        if (count <= plan.DailyCap)
        {
            return 1;
        }
        return count % PredictionLogPlan.SampleEvery == 0 ? 1.0 / PredictionLogPlan.SampleEvery : null;
    }
}
