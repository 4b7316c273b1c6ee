using System.Diagnostics;
using Npgsql;
using StackExchange.Redis;

namespace AutoMl.Bench.Platform;

/// <summary>The bare round trips each platform number stands next to, measured against the same Postgres and Redis.</summary>
internal static class Baselines
{
    public static async Task<Samples> SelectOneAsync(string connectionString, int count, int parallel)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var warm = source.CreateCommand("SELECT 1"))
        {
            await warm.ExecuteScalarAsync();
        }
        return await Samples.RunAsync(count, parallel, TimeSpan.FromSeconds(60), async () =>
        {
            await using var command = source.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync();
        });
    }

    /// <summary>PUBLISH on one connection to a SUBSCRIBE on another, one message at a time, timed from before the publish to the receipt.</summary>
    public static async Task<Samples> RedisPublishAsync(string configuration, string prefix, int count)
    {
        await using var publisher = await ConnectionMultiplexer.ConnectAsync(configuration);
        await using var subscriber = await ConnectionMultiplexer.ConnectAsync(configuration);
        var channel = RedisChannel.Literal(prefix + "bench:ping");
        TaskCompletionSource<long>? pending = null;
        await subscriber.GetSubscriber().SubscribeAsync(channel, (_, _) => Volatile.Read(ref pending)?.TrySetResult(Stopwatch.GetTimestamp()));
        var db = publisher.GetDatabase();
        var times = new List<double>(count);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count + 20 && wall.Elapsed < TimeSpan.FromSeconds(60); i++)
        {
            var received = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref pending, received);
            var sent = Stopwatch.GetTimestamp();
            await db.PublishAsync(channel, i);
            var at = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
            if (i >= 20)
            {
                times.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }
        }
        return new Samples(times, wall.Elapsed);
    }
}
