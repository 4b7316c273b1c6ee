using System.Security.Claims;
using AutoMl.Api.Accounts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Registry;

/// <summary>Who did something, as a history entry records it: the account's email and how it signed in.</summary>
internal static class Actors
{
    public static async Task<string> DescribeAsync(HttpContext http, AutoMlDbContext db, Guid userId, CancellationToken ct)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct) ?? userId.ToString();
        if (Guid.TryParse(http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var keyId))
        {
            var prefix = await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.Prefix).SingleOrDefaultAsync(ct);
            return $"{email} (API key {prefix ?? keyId.ToString()})";
        }
        return $"{email} (signed in)";
    }
}
