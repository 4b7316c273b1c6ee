using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Events;

/// <summary>The one live send of a stored event, shared by the publisher and the relay.</summary>
internal static class EventSending
{
    /// <returns>False when the send failed; the event stays unsent for the relay, and clients that resume read it from Postgres.</returns>
    public static async Task<bool> TrySendAsync(IHubContext<EventsHub> hub, Guid userId, EventMessage message, ILogger logger)
    {
        try
        {
            // Not the caller's token: a request that ends now must not lose the send of a change it already committed.
            await hub.Clients.Group(EventsHub.GroupOf(userId)).SendAsync(EventsHub.Method, message, CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Event {Seq} for user {UserId} stored but not sent live; the relay sends it again and clients get it when they resume", message.Seq, userId);
            return false;
        }
    }
}
