using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.RateLimiting;

/// <summary>A user's tier, remembered briefly so the rate limit does not cost a Postgres query per request.</summary>
internal sealed class UserTiers(IMemoryCache cache, IServiceScopeFactory scopes, IOptions<RateLimitOptions> options)
{
    private readonly TimeSpan remembered = TimeSpan.FromSeconds(Math.Max(0, options.Value.TierCacheSeconds));

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
}
