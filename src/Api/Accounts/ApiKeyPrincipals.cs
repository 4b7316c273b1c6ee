using System.Collections.Concurrent;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Redis;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>A key found valid in Postgres: whose it is and what it may do, and until when this instance believes it.</summary>
internal sealed record KnownApiKey(Guid Id, Guid UserId, ApiKeyScope Scope, DateTimeOffset? LastUsedAt, DateTimeOffset Until);

/// <summary>
/// What an API key stands for, remembered for a few seconds (AutoMl:Sessions:ApiKeyCacheSeconds), so a request made with
/// a key costs no Postgres query: the lookup was most of an authenticated list request's database work (bench/Load/README.md).
/// Revoking a key, suspending its account or deleting it is announced to every instance, which forgets the key at once;
/// the short memory is only the fallback for an announcement lost while Redis was away. Admin-scope keys are never
/// remembered: their role is read with every request, so a revoked role takes effect on the next one.
/// </summary>
internal sealed class ApiKeyPrincipals(
    TimeProvider clock, Announcements announcements, IOptions<SignInSessionOptions> options, ILogger<ApiKeyPrincipals> logger) : IHostedService
{
    // Well above the keys a busy instance sees within the memory's few seconds; past it, expired entries are swept.
    private const int SweepAbove = 100_000;

    private readonly TimeSpan remembered = TimeSpan.FromSeconds(Math.Max(0, options.Value.ApiKeyCacheSeconds));
    private readonly ConcurrentDictionary<string, KnownApiKey> byHash = new(StringComparer.Ordinal);
    private readonly List<IAsyncDisposable> subscriptions = [];
    private long generation;

    // Without the announcements a revoked key would live on here for the whole memory: then nothing is remembered.
    private volatile bool listening;

    /// <summary>Taken before reading a key from Postgres and given back to <see cref="Remember"/>: a revocation heard meanwhile wins.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public KnownApiKey? Find(string hash)
    {
        if (!byHash.TryGetValue(hash, out var known))
        {
            return null;
        }
        if (known.Until > clock.GetUtcNow())
        {
            return known;
        }
        byHash.TryRemove(new KeyValuePair<string, KnownApiKey>(hash, known));
        return null;
    }

    /// <summary>Remembers a key read from Postgres, unless something was forgotten since <paramref name="readAt"/> (that read may predate a revocation).</summary>
    public void Remember(string hash, Guid id, Guid user, ApiKeyScope scope, DateTimeOffset? lastUsedAt, long readAt)
    {
        if (!listening || remembered <= TimeSpan.Zero || scope == ApiKeyScope.Admin || Generation != readAt)
        {
            return;
        }
        if (byHash.Count > SweepAbove)
        {
            Sweep();
        }
        byHash[hash] = new KnownApiKey(id, user, scope, lastUsedAt, clock.GetUtcNow() + remembered);
        // A forget that ran between the check above and the store may have missed the entry: undo it.
        if (Generation != readAt)
        {
            byHash.TryRemove(hash, out _);
        }
    }

    /// <summary>The key's last use was written to Postgres: it need not be written again for a while.</summary>
    public void Used(string hash, KnownApiKey known, DateTimeOffset at) =>
        byHash.TryUpdate(hash, known with { LastUsedAt = at }, known);

    public void ForgetKey(Guid key) => Forget(k => k.Id == key);

    public void ForgetUser(Guid user) => Forget(k => k.UserId == user);

    private void Forget(Func<KnownApiKey, bool> which)
    {
        Interlocked.Increment(ref generation);
        foreach (var (hash, known) in byHash)
        {
            if (which(known))
            {
                byHash.TryRemove(hash, out _);
            }
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, known) in byHash)
        {
            if (known.Until <= now)
            {
                byHash.TryRemove(hash, out _);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            subscriptions.Add(await announcements.SubscribeAsync(AccountAnnouncements.ApiKeyRevoked, ForgetKey));
            // Suspension and deletion end the account's sessions; its keys end with them.
            subscriptions.Add(await announcements.SubscribeAsync(AccountAnnouncements.SessionsEnded, ForgetUser));
            listening = true;
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Cannot subscribe to key revocations over Redis: this instance reads every API key from Postgres on every request");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        listening = false;
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}
