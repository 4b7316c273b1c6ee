using AutoMl.Api.RateLimiting;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Accounts;

/// <summary>A valid key as Postgres holds it, with what the request needs of its account.</summary>
internal sealed record FoundApiKey(Guid Id, Guid UserId, ApiKeyScope Scope, DateTimeOffset? LastUsedAt, bool Suspended, bool Admin);

/// <summary>
/// Reads the API keys no instance remembers, many in one query: the keys that miss while a read is under way wait for
/// the next one, which reads them all (<c>key_hash = ANY(…)</c>). A freshly started instance meets every key of a
/// crowd at once (issue 31, surge mode: each key misses once on each instance), and one query per key was half the
/// instance's CPU and most of its pooled connections (bench/Load/README.md). Each read also gives the account's tier to
/// <see cref="UserTiers"/>, which the rate limit asks for next, and remembers what it found in
/// <see cref="ApiKeyPrincipals"/> under the generations taken before it read.
/// </summary>
internal sealed class ApiKeyReads(IServiceScopeFactory scopes, ApiKeyPrincipals known, UserTiers tiers)
{
    /// <summary>Reads under way at once: a second lets a new batch start while a slow one finishes.</summary>
    private const int ReadsAtOnce = 2;

    /// <summary>Keys one query asks for at most.</summary>
    private const int KeysPerRead = 512;

    private readonly Lock gate = new();
    private readonly Dictionary<string, TaskCompletionSource<FoundApiKey?>> waiting = new(StringComparer.Ordinal);
    private int reading;

    /// <summary>The key whose hash is <paramref name="hash"/> if it exists and is not revoked; null otherwise.</summary>
    public Task<FoundApiKey?> FindAsync(string hash, CancellationToken ct)
    {
        TaskCompletionSource<FoundApiKey?>? found;
        var start = false;
        lock (gate)
        {
            if (!waiting.TryGetValue(hash, out found))
            {
                found = new TaskCompletionSource<FoundApiKey?>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[hash] = found;
            }
            if (reading < ReadsAtOnce)
            {
                reading++;
                start = true;
            }
        }
        if (start)
        {
            _ = Task.Run(ReadWhileWaitingAsync, CancellationToken.None);
        }
        return found.Task.WaitAsync(ct);
    }

    private async Task ReadWhileWaitingAsync()
    {
        while (true)
        {
            Dictionary<string, TaskCompletionSource<FoundApiKey?>> batch;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    reading--;
                    return;
                }
                batch = waiting.Take(KeysPerRead).ToDictionary(StringComparer.Ordinal);
                foreach (var hash in batch.Keys)
                {
                    waiting.Remove(hash);
                }
            }
            try
            {
                var found = await ReadAsync(batch.Keys.ToArray());
                foreach (var (hash, waiter) in batch)
                {
                    waiter.TrySetResult(found.GetValueOrDefault(hash));
                }
            }
            catch (Exception e)
            {
                // Postgres away or the query failed: every request waiting on this read fails as its own read would have.
                foreach (var waiter in batch.Values)
                {
                    waiter.TrySetException(e);
                }
            }
        }
    }

    private async Task<Dictionary<string, FoundApiKey>> ReadAsync(string[] hashes)
    {
        // Taken before reading: a revocation or tier change heard while the query runs wins over what it read.
        var keysReadAt = known.Generation;
        var tiersReadAt = tiers.Generation;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var rows = await (
            from k in db.ApiKeys.AsNoTracking()
            join u in db.Users on k.UserId equals u.Id
            where hashes.Contains(k.KeyHash) && k.RevokedAt == null
            select new
            {
                k.KeyHash,
                k.Id,
                k.UserId,
                k.LastUsedAt,
                k.Scope,
                u.Tier,
                Suspended = u.SuspendedAt != null,
                // Read with the key, so a revoked role takes effect on the key's next request (admin keys are never remembered).
                Admin = k.Scope == ApiKeyScope.Admin
                    && db.UserRoles.Any(r => r.UserId == k.UserId && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Admin.AdminRole.Name)),
            }).ToListAsync(CancellationToken.None);
        var found = new Dictionary<string, FoundApiKey>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            found[row.KeyHash] = new FoundApiKey(row.Id, row.UserId, row.Scope, row.LastUsedAt, row.Suspended, row.Admin);
            tiers.Remember(row.UserId, row.Tier, tiersReadAt);
            if (!row.Suspended)
            {
                known.Remember(row.KeyHash, row.Id, row.UserId, row.Scope, row.LastUsedAt, keysReadAt);
            }
        }
        return found;
    }
}
