using AutoMl.Api.Caching;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using AutoMl.Infrastructure.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.RateLimiting;

/// <summary>
/// A user's tier, remembered briefly so the rate limit does not cost a Postgres query per request. A tier change
/// (an admin's, a Stripe subscription's) is announced to every instance, which forgets the user's tier at once; the
/// short memory is only the fallback for an announcement lost while Redis was away. A request made with an API key
/// finds the tier here already: the key's read brings it (<see cref="Accounts.ApiKeyReads"/>).
/// </summary>
internal sealed class UserTiers(
    TimeProvider clock, IServiceScopeFactory scopes, Announcements announcements, IOptions<RateLimitOptions> options, ILogger<UserTiers> logger)
    : IHostedService
{
    private sealed record Remembered(Tier Tier);

    private readonly BriefMemory<Guid, Remembered> byUser = new(clock, TimeSpan.FromSeconds(Math.Max(0, options.Value.TierCacheSeconds)));

    /// <summary>Taken before reading a tier from Postgres and given back to <see cref="Remember"/>: a change heard meanwhile wins.</summary>
    public long Generation => byUser.Generation;

    public async Task<Tier> TierOfAsync(Guid user, CancellationToken ct)
    {
        if (byUser.Find(user) is { } remembered)
        {
            return remembered.Tier;
        }
        var readAt = Generation;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        // A user deleted mid-session gets the smallest bucket until authentication turns them away.
        var tier = await db.Users.AsNoTracking().Where(u => u.Id == user).Select(u => (Tier?)u.Tier).SingleOrDefaultAsync(ct) ?? Tier.Free;
        Remember(user, tier, readAt);
        return tier;
    }

    /// <summary>Remembers a tier read from Postgres after <paramref name="readAt"/>, unless a change was heard since.</summary>
    public void Remember(Guid user, Tier tier, long readAt) => byUser.Remember(user, new Remembered(tier), readAt);

    public void Forget(Guid user) => byUser.Forget(user);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await byUser.ListenAsync(() => announcements.SubscribeAsync(AccountAnnouncements.TierChanged, Forget));
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Cannot subscribe to tier changes over Redis: this instance reads a user's tier from Postgres on every request");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => byUser.StopListeningAsync();
}
