using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using AutoMl.Infrastructure.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.RateLimiting;

/// <summary>
/// A user's tier, remembered briefly so the rate limit does not cost a Postgres query per request. A tier change
/// (an admin's, a Stripe subscription's) is announced to every instance, which forgets the user's tier at once; the
/// short memory is only the fallback for an announcement lost while Redis was away.
/// </summary>
internal sealed class UserTiers(
    IMemoryCache cache, IServiceScopeFactory scopes, Announcements announcements, IOptions<RateLimitOptions> options, ILogger<UserTiers> logger)
    : IHostedService
{
    private readonly TimeSpan remembered = TimeSpan.FromSeconds(Math.Max(0, options.Value.TierCacheSeconds));
    private IAsyncDisposable? subscription;

    public async Task<Tier> TierOfAsync(Guid user, CancellationToken ct)
    {
        if (cache.TryGetValue<Tier>((nameof(UserTiers), user), out var tier))
        {
            return tier;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        // A user deleted mid-session gets the smallest bucket until authentication turns them away.
        tier = await db.Users.AsNoTracking().Where(u => u.Id == user).Select(u => (Tier?)u.Tier).SingleOrDefaultAsync(ct) ?? Tier.Free;
        cache.Set((nameof(UserTiers), user), tier, remembered);
        return tier;
    }

    public void Forget(Guid user) => cache.Remove((nameof(UserTiers), user));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            subscription = await announcements.SubscribeAsync(AccountAnnouncements.TierChanged, Forget);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Cannot subscribe to tier changes over Redis: another instance's tier change reaches this one within {Seconds} s", remembered.TotalSeconds);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (subscription is not null)
        {
            await subscription.DisposeAsync();
        }
    }
}
