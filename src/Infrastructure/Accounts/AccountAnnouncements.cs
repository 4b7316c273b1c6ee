using AutoMl.Infrastructure.Redis;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Accounts;

/// <summary>
/// Tells every API instance that an account changed in a way an instance may remember: its tier (the rate limiter keeps
/// tiers for a while), its cookie sessions (each instance checks a session cookie only now and then) or one of its API
/// keys (each instance remembers what a key stands for for a few seconds). Only hints:
/// Postgres holds the change, and without Redis each instance catches up at its own next check.
/// </summary>
public sealed class AccountAnnouncements(Announcements announcements, ILogger<AccountAnnouncements> logger)
{
    public static readonly AnnouncementTopic<Guid> TierChanged = new("tier-changed");

    /// <summary>Cookie sessions of the user issued before the announcement must be checked against the database on their next request.</summary>
    public static readonly AnnouncementTopic<Guid> SessionsEnded = new("sessions-ended");

    /// <summary>The API key with this id was revoked: no instance may accept it from its memory any more.</summary>
    public static readonly AnnouncementTopic<Guid> ApiKeyRevoked = new("api-key-revoked");

    public Task TierChangedAsync(Guid user) => TryPublishAsync(TierChanged, user);

    public Task ApiKeyRevokedAsync(Guid key) => TryPublishAsync(ApiKeyRevoked, key);

    public Task SessionsEndedAsync(Guid user) => TryPublishAsync(SessionsEnded, user);

    private async Task TryPublishAsync(AnnouncementTopic<Guid> topic, Guid user)
    {
        try
        {
            await announcements.PublishAsync(topic, user);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Redis is unreachable: other API instances learn of {Topic} for {UserId} at their own next check", topic.Name, user);
        }
    }
}
