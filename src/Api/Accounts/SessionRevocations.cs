using System.Collections.Concurrent;
using System.Security.Claims;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Redis;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>
/// A session cookie is checked against the user's security stamp only every few seconds (SecurityStampValidatorOptions),
/// so a new stamp alone ends other sessions a minute later. When sessions must end now (a suspension), every instance
/// hears of it and checks that user's older cookies on their very next request, and forgets the user's API keys it
/// remembered (ApiKeyPrincipals). Without Redis, other instances end them at their next regular check.
/// </summary>
internal sealed class SessionRevocations(
    Announcements announcements, AccountAnnouncements accounts, ApiKeyPrincipals keys, TimeProvider clock, IOptions<SecurityStampValidatorOptions> stamps,
    ILogger<SessionRevocations> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> endedAt = new();
    private IAsyncDisposable? subscription;

    /// <summary>Every cookie session of the user issued before now is checked on its next request, on every instance.</summary>
    public async Task EndAsync(Guid user)
    {
        Remember(user);
        keys.ForgetUser(user);
        await accounts.SessionsEndedAsync(user);
    }

    /// <summary>The cookie events' OnValidatePrincipal: the security stamp check, forced when the user's sessions were ended since the cookie was issued.</summary>
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var revocations = context.HttpContext.RequestServices.GetRequiredService<SessionRevocations>();
        if (Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var user)
            && revocations.endedAt.TryGetValue(user, out var ended) && context.Properties.IssuedUtc is { } issued && issued <= ended)
        {
            // The validator checks whenever the issue time is unknown.
            context.Properties.IssuedUtc = null;
        }
        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            subscription = await announcements.SubscribeAsync(AccountAnnouncements.SessionsEnded, Remember);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Cannot subscribe to ended sessions over Redis: sessions ended on another instance end here at their next regular check");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (subscription is not null)
        {
            await subscription.DisposeAsync();
        }
    }

    private void Remember(Guid user)
    {
        var now = clock.GetUtcNow();
        endedAt[user] = now;
        // Past one regular interval every older cookie has been checked anyway, so the map stays small.
        var forgetBefore = now - stamps.Value.ValidationInterval - TimeSpan.FromMinutes(1);
        foreach (var (id, at) in endedAt)
        {
            if (at < forgetBefore)
            {
                endedAt.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(id, at));
            }
        }
    }
}
