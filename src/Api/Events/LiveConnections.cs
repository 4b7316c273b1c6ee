using System.Collections.Concurrent;
using System.Security.Claims;
using AutoMl.Api.Accounts;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Redis;
using Microsoft.AspNetCore.SignalR;

namespace AutoMl.Api.Events;

/// <summary>
/// Hub connections by the credential they were opened with (an API key, or the user's cookie sessions),
/// so revoking the key or signing out ends them. A connection authenticates once, when it opens: without
/// this, a revoked key or a signed-out browser keeps receiving events for as long as it stays connected.
/// A close goes to every API instance over Redis: each one tells its matching clients ("close") and aborts
/// their connections, so a client that ignores the message is cut off all the same.
/// </summary>
internal sealed class LiveConnections(
    Announcements announcements,
    IHubContext<EventsHub> hub,
    ILogger<LiveConnections> logger) : IHubFilter, IHostedService
{
    public const string CloseMethod = "close";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> byCredential = new();
    /// <summary>The credential whose connections end, as <see cref="OfKey"/> or <see cref="OfSessions"/> names it.</summary>
    private static readonly AnnouncementTopic<string> Closes = new("hub-close");

    private IAsyncDisposable? subscription;

    /// <summary>After DELETE /api-keys/{id}: the key's connections end on every instance.</summary>
    public Task CloseKeyAsync(Guid keyId) => CloseAsync(OfKey(keyId), "This API key was revoked.");

    /// <summary>After sign-out (or a password change): every cookie-session connection of the user ends; API keys' connections stay.</summary>
    public Task CloseSessionsAsync(Guid userId, string reason = "You signed out.") => CloseAsync(OfSessions(userId), reason);

    private static string OfKey(Guid keyId) => $"key:{keyId:N}";

    private static string OfSessions(Guid userId) => $"sessions:{userId:N}";

    // Not cancellable by the request: the credential is already gone, its connections must follow.
    private async Task CloseAsync(string credential, string reason)
    {
        var ct = CancellationToken.None;
        try
        {
            await hub.Clients.Group(credential).SendAsync(CloseMethod, new { reason }, ct);
            await announcements.PublishAsync(Closes, credential);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Redis is unreachable: live connections of {Credential} are closed on this instance only", credential);
        }
        // Here at once, whether or not Redis carries it back; a second abort of the same connection does nothing.
        AbortLocal(credential);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        if (CredentialOf(context.Context.User) is { } credential)
        {
            byCredential.GetOrAdd(credential, _ => new())[context.Context.ConnectionId] = context.Context;
            await hub.Groups.AddToGroupAsync(context.Context.ConnectionId, credential, context.Context.ConnectionAborted);
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (CredentialOf(context.Context.User) is { } credential && byCredential.TryGetValue(credential, out var connections))
        {
            connections.TryRemove(context.Context.ConnectionId, out _);
        }
        await next(context, exception);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            subscription = await announcements.SubscribeAsync(Closes, AbortLocal);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Cannot subscribe to hub closes over Redis: revoked keys and signed-out sessions close live connections on their own instance only");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (subscription is not null)
        {
            await subscription.DisposeAsync();
        }
    }

    private static string? CredentialOf(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }
        if (identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            return Guid.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var key) ? OfKey(key) : null;
        }
        // Signing out renews the security stamp, which ends every cookie session of the user: so do their connections.
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? OfSessions(userId) : null;
    }

    private void AbortLocal(string credential)
    {
        if (byCredential.TryRemove(credential, out var connections))
        {
            foreach (var connection in connections.Values)
            {
                connection.Abort();
            }
        }
    }
}
