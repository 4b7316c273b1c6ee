using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Web.Tests.Support;

/// <summary>Accounts a spec cannot build through the dashboard in reasonable time, made through the platform's own services.</summary>
public static class SeededAccount
{
    /// <summary>Signs a user up over HTTP and adds <paramref name="grants"/> credit grants, so their history spans several pages.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> WithLongHistoryAsync(WebPlatformFactory platform, int grants)
    {
        var email = $"history-{Guid.NewGuid():N}@example.com";
        using var http = new HttpClient { BaseAddress = new Uri(platform.Address + "/") };
        var response = await http.PostAsync("api/v1/auth/signup", JsonContent.Create(new { email, password = ApiFactory.GoodPassword, acceptTerms = true, confirmAge = true }));
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.Created);
        // Confirmed as the emailed link would, so the history starts with the welcome bonus like a real account's.
        var (userId, token) = await platform.ConfirmationTokenAsync(email);
        await (await http.PostAsJsonAsync("api/v1/auth/confirm-email", new { userId, token })).EnsureStatusAsync(System.Net.HttpStatusCode.NoContent);
        var user = await platform.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
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
}
