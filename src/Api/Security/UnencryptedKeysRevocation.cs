using System.Xml.Linq;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Security;

/// <summary>
/// Once a certificate protects the key ring, keys written before it (stored in clear) are revoked: a database
/// reader may already hold them, and the newest of them would otherwise stay the default signing key until it
/// expires (90 days). The ring then makes a new, encrypted key; sessions those keys signed sign in again, once.
/// </summary>
internal sealed class UnencryptedKeysRevocation(IKeyManager keys, IServiceScopeFactory scopes, ILogger<UnencryptedKeysRevocation> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var stored = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken);
        var inClear = stored.Select(ClearKeyId).OfType<Guid>().ToHashSet();
        var revoked = 0;
        foreach (var key in keys.GetAllKeys().Where(k => !k.IsRevoked && inClear.Contains(k.KeyId)))
        {
            keys.RevokeKey(key.KeyId, "Stored unencrypted before a key encryption certificate was configured.");
            revoked++;
        }
        if (revoked > 0)
        {
            log.LogWarning("Revoked {Count} Data Protection keys stored unencrypted; the sessions they signed must sign in again.", revoked);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The id of a stored key whose secret is in clear (a masterKey element instead of encryptedSecret).</summary>
    private static Guid? ClearKeyId(string? xml)
    {
        if (string.IsNullOrEmpty(xml))
        {
            return null;
        }
        var element = XElement.Parse(xml);
        var inClear = element.Name.LocalName == "key" && element.Descendants().Any(d => d.Name.LocalName == "masterKey");
        return inClear && Guid.TryParse((string?)element.Attribute("id"), out var id) ? id : null;
    }
}
