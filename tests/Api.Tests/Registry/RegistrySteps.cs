using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Models;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Registry;

/// <summary>What a registry test does often: make a registered model with versions, move aliases, predict through an endpoint.</summary>
internal static class RegistrySteps
{
    public static async Task<JsonElement> CreateRegisteredAsync(this HttpClient http, string name) =>
        await (await http.PostAsJsonAsync("/api/v1/registered-models", new { name, description = "Diabetes risk", tags = new[] { "clinic" } }))
            .JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> AddVersionAsync(this HttpClient http, string name, Guid modelId) =>
        await (await http.PostAsJsonAsync($"/api/v1/registered-models/{name}/versions", new { modelId })).JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> MoveAliasAsync(this HttpClient http, string name, string alias, int version, string reason) =>
        await (await http.PutAsJsonAsync($"/api/v1/registered-models/{name}/aliases/{alias}", new { version, reason })).JsonAsync();

    public static async Task<JsonElement> PredictAsync(this HttpClient http, string endpoint, int rows = 1) =>
        await (await http.PostAsJsonAsync($"/api/v1/endpoints/{endpoint}/predict", new { rows = PredictionPlatformFactory.Rows(rows) })).JsonAsync();

    /// <summary>A registered model "diabetes" with two versions (copies of the trained pima model) and production on 1.</summary>
    public static async Task<(BrowserClient User, Guid UserId, Guid First, Guid Second)> TwoVersionsAsync(ModelCatalogFactory platform, string name = "diabetes")
    {
        var (user, userId) = await platform.UserAsync();
        var first = await platform.CopyAsync(userId, regression: false);
        var second = await platform.CopyAsync(userId, regression: false);
        await user.Http.CreateRegisteredAsync(name);
        Assert.Equal(1, (await user.Http.AddVersionAsync(name, first)).GetProperty("version").GetInt32());
        Assert.Equal(2, (await user.Http.AddVersionAsync(name, second)).GetProperty("version").GetInt32());
        await user.Http.MoveAliasAsync(name, "production", 1, "first release");
        return (user, userId, first, second);
    }

    public static async Task GrantAsync(ModelCatalogFactory platform, Guid userId, long credits)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<CreditLedger>();
        await ledger.CreditAsync(userId, credits, CreditEntryKind.Grant, "Test credits", $"registry-test:{userId:N}:{Guid.NewGuid():N}", default);
    }

    /// <summary>The endpoint's logged requests (the log is written off the request's path), polled until <paramref name="enough"/>.</summary>
    public static async Task<List<JsonElement>> LogsUntilAsync(this HttpClient http, string endpoint, Func<List<JsonElement>, bool> enough, string? role = null, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var page = await (await http.GetAsync($"/api/v1/endpoints/{endpoint}/logs?pageSize=200{(role is null ? "" : "&role=" + role)}")).JsonAsync();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (enough(items) || DateTime.UtcNow > deadline)
            {
                return items;
            }
            await Task.Delay(200);
        }
    }
}
