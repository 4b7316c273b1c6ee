using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AutoMl.Infrastructure.Redis;

/// <summary>
/// Fire-and-forget messages to every process that listens, over Redis pub/sub. Nothing is stored: a message sent while a
/// listener is away, or while Redis is down, is lost, so only hints go here (a model to warm, connections to close), never
/// anything the platform needs to stay correct.
/// </summary>
public sealed class Announcements(IConnectionMultiplexer redis, IOptions<PlatformOptions> options)
{
    /// <exception cref="PlatformUnavailableException">Redis did not take the message.</exception>
    public async Task PublishAsync<T>(AnnouncementTopic<T> topic, T message)
    {
        ArgumentNullException.ThrowIfNull(topic);
        try
        {
            await redis.GetSubscriber().PublishAsync(ChannelOf(topic), JsonSerializer.Serialize(message));
        }
        catch (Exception e) when (PlatformUnavailableException.IsRedisFailure(e))
        {
            throw new PlatformUnavailableException($"Could not announce on {topic.Name}.", e);
        }
    }

    /// <summary>Calls <paramref name="handler"/> for each message on the topic until the returned subscription is disposed.</summary>
    /// <exception cref="PlatformUnavailableException">Redis did not take the subscription.</exception>
    public async Task<IAsyncDisposable> SubscribeAsync<T>(AnnouncementTopic<T> topic, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var channel = ChannelOf(topic);
        var subscriber = redis.GetSubscriber();
        Action<RedisChannel, RedisValue> receive = (_, value) =>
        {
            if (TryRead<T>(value) is { } message)
            {
                handler(message);
            }
        };
        try
        {
            await subscriber.SubscribeAsync(channel, receive);
        }
        catch (Exception e) when (PlatformUnavailableException.IsRedisFailure(e))
        {
            throw new PlatformUnavailableException($"Could not listen on {topic.Name}.", e);
        }
        return new Subscription(subscriber, channel, receive);
    }

    private RedisChannel ChannelOf<T>(AnnouncementTopic<T> topic) => RedisChannel.Literal(options.Value.RedisPrefix + topic.Name);

    // A message another version of the platform sent in its own shape is dropped: announcements are only hints.
    private static T? TryRead<T>(RedisValue value)
    {
        try
        {
            return value.IsNullOrEmpty ? default : JsonSerializer.Deserialize<T>(value.ToString());
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private sealed class Subscription(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> receive) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await subscriber.UnsubscribeAsync(channel, receive);
            }
            catch (Exception e) when (PlatformUnavailableException.IsRedisFailure(e) || e is ObjectDisposedException)
            {
                // Redis is gone, or this process's connection to it was closed first (a host shutting down): the
                // subscription went with it.
            }
        }
    }
}
