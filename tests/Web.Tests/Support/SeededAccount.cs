using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Rewards;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Web.Tests.Support;

/// <summary>Accounts a spec cannot build through the dashboard in reasonable time, made through the platform's own services.</summary>
public static class SeededAccount
{
    /// <summary>Signs a user up over HTTP and adds <paramref name="grants"/> credit grants, so their history spans several pages.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> WithLongHistoryAsync(WebPlatformFactory platform, int grants)
    {
        var email = $"history-{Guid.NewGuid():N}@example.com";
        var user = await SignUpConfirmedAsync(platform, email);
        for (var i = 1; i <= grants; i++)
        {
            await using var scope = platform.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CreditLedger>()
                .CreditAsync(user, i, CreditEntryKind.Grant, $"Seeded grant {i}", $"web-seed:{user}:{i}", CancellationToken.None);
        }
        return new Dictionary<string, string>
        {
            ["AUTOML_SEEDED_EMAIL"] = email,
            ["AUTOML_SEEDED_PASSWORD"] = ApiFactory.GoodPassword,
        };
    }

    /// <summary>
    /// For the admin console spec: an admin, and one user per viewport (the spec changes them) with an ad claim held for
    /// review. A held claim needs a risky AdMob callback signed by Google's key, which the rewards tests cover; the spec
    /// is about the review, so the claim is stored as the callback would have stored it.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ForAdminConsoleAsync(WebPlatformFactory platform, int users)
    {
        var admin = $"admin-{Guid.NewGuid():N}@example.com";
        await SignUpConfirmedAsync(platform, admin);
        await platform.GrantAdminAsync(admin);
        var targets = new List<string>();
        var claims = new List<string>();
        for (var i = 1; i <= users; i++)
        {
            var email = $"managed-{i}-{Guid.NewGuid():N}@example.com";
            var user = await SignUpConfirmedAsync(platform, email);
            var transaction = $"web-held-{Guid.NewGuid():N}";
            await platform.InDbAsync(async db =>
            {
                var now = DateTimeOffset.UtcNow;
                db.AdClaims.Add(new AdClaim
                {
                    Id = Guid.CreateVersion7(),
                    TransactionId = transaction,
                    UserId = user,
                    AdUnit = "ca-app-pub/rewarded",
                    DeviceId = $"device-{i}",
                    Ip = "198.51.100.7",
                    Credits = 5,
                    RiskScore = 70,
                    RiskReasons = "device 9/h over 6",
                    Status = AdClaimStatus.Held,
                    Day = DateOnly.FromDateTime(now.UtcDateTime),
                    CreatedAt = now,
                });
                return await db.SaveChangesAsync();
            });
            targets.Add(email);
            claims.Add(transaction);
        }
        return new Dictionary<string, string>
        {
            ["AUTOML_ADMIN_EMAIL"] = admin,
            ["AUTOML_ADMIN_PASSWORD"] = ApiFactory.GoodPassword,
            ["AUTOML_ADMIN_TARGETS"] = string.Join(',', targets),
            ["AUTOML_ADMIN_CLAIMS"] = string.Join(',', claims),
        };
    }

    /// <summary>Signs up over HTTP and confirms the address as the emailed link would, so the account has its welcome bonus like a real one.</summary>
    private static async Task<Guid> SignUpConfirmedAsync(WebPlatformFactory platform, string email)
    {
        using var http = new HttpClient { BaseAddress = new Uri(platform.Address + "/") };
        var response = await http.PostAsync("api/v1/auth/signup", JsonContent.Create(new { email, password = ApiFactory.GoodPassword, acceptTerms = true, confirmAge = true }));
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.Created);
        var (userId, token) = await platform.ConfirmationTokenAsync(email);
        await (await http.PostAsJsonAsync("api/v1/auth/confirm-email", new { userId, token })).EnsureStatusAsync(System.Net.HttpStatusCode.NoContent);
        return userId;
    }
}
