namespace AutoMl.Infrastructure.Redis;

/// <summary>A channel every API instance and worker can announce on; its messages are <typeparamref name="T"/> as JSON.</summary>
/// <param name="Name">The channel's name under the platform's Redis prefix.</param>
public sealed record AnnouncementTopic<T>(string Name);
