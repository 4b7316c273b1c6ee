using AutoMl.Api.Caching;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Redis;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>A key found valid in Postgres: whose it is, what it may do, and when its use was last written.</summary>
internal sealed record KnownApiKey(Guid Id, Guid UserId, ApiKeyScope Scope, DateTimeOffset? LastUsedAt);

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
    private readonly BriefMemory<string, KnownApiKey> byHash = new(clock, TimeSpan.FromSeconds(Math.Max(0, options.Value.ApiKeyCacheSeconds)));

    /// <summary>Taken before reading a key from Postgres and given back to <see cref="Remember"/>: a revocation heard meanwhile wins.</summary>
    public long Generation => byHash.Generation;

    public KnownApiKey? Find(string hash) => byHash.Find(hash);

    /// <summary>Remembers a key read from Postgres, unless something was forgotten since <paramref name="readAt"/> (that read may predate a revocation).</summary>
    public void Remember(string hash, Guid id, Guid user, ApiKeyScope scope, DateTimeOffset? lastUsedAt, long readAt)
    {
        if (scope != ApiKeyScope.Admin)
        {
            byHash.Remember(hash, new KnownApiKey(id, user, scope, lastUsedAt), readAt);
        }
    }

    /// <summary>The key's last use was written to Postgres: it need not be written again for a while.</summary>
    public void Used(string hash, KnownApiKey known, DateTimeOffset at) => byHash.Replace(hash, known, known with { LastUsedAt = at });

    public void ForgetKey(Guid key) => byHash.Forget((_, k) => k.Id == key);

    public void ForgetUser(Guid user) => byHash.Forget((_, k) => k.UserId == user);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Suspension and deletion end the account's sessions; its keys end with them.
            await byHash.ListenAsync(
                () => announcements.SubscribeAsync(AccountAnnouncements.ApiKeyRevoked, ForgetKey),
                () => announcements.SubscribeAsync(AccountAnnouncements.SessionsEnded, ForgetUser));
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Cannot subscribe to key revocations over Redis: this instance reads every API key from Postgres on every request");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => byHash.StopListeningAsync();
}
