using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>
/// Issue 31, surge mode: a freshly started instance meets many keys it has never read, all at once, and reads the ones
/// that miss together. Whatever the batching, each request must be answered as its own key's user, and a revoked key or
/// a suspended account in the same crowd must still be refused.
/// </summary>
public sealed class ApiKeyCrowdTests : IAsyncLifetime
{
    private readonly SharedDatabaseGroup group = new();

    [Fact]
    public async Task a_crowd_of_unread_keys_on_a_fresh_instance_is_answered_key_by_key()
    {
        var seeding = Instance();
        var admin = await seeding.AdminAsync();
        var keys = new List<(string Secret, string? UserId, HttpStatusCode Expected)>();
        for (var i = 0; i < 6; i++)
        {
            var user = await seeding.SignUpAsync();
            var id = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
            keys.Add((await seeding.CreateApiKeyAsync(user, "first"), id, HttpStatusCode.OK));
            var second = await seeding.CreateApiKeyAsync(user, "second");
            if (i == 0)
            {
                var listed = (await (await user.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items").EnumerateArray();
                var secondId = listed.Single(k => k.GetProperty("name").GetString() == "second").GetProperty("id").GetString();
                await (await user.Http.DeleteAsync($"/api/v1/api-keys/{secondId}")).EnsureStatusAsync(HttpStatusCode.NoContent);
                keys.Add((second, null, HttpStatusCode.Unauthorized));
                continue;
            }
            keys.Add((second, id, HttpStatusCode.OK));
        }
        var suspended = await seeding.SignUpAsync();
        var suspendedKey = await seeding.CreateApiKeyAsync(suspended);
        var suspendedId = (await (await suspended.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{suspendedId}/suspend", new { reason = "Card testing" })).EnsureStatusAsync(HttpStatusCode.OK);
        keys.Add((suspendedKey, null, HttpStatusCode.Forbidden));
        keys.Add(("aml_" + new string('x', 40), null, HttpStatusCode.Unauthorized));

        // A fresh instance: every key misses; each key is sent three times at once.
        var fresh = Instance();
        var crowd = keys.SelectMany(k => Enumerable.Repeat(k, 3)).Select(async k =>
        {
            using var http = fresh.WithKey(k.Secret);
            var response = await http.GetAsync("/api/v1/me");
            return (k, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        var answers = await Task.WhenAll(crowd);

        Assert.All(answers, a =>
        {
            Assert.Equal(a.k.Expected, a.StatusCode);
            if (a.k.UserId is { } user)
            {
                Assert.Contains($"\"id\":\"{user}\"", a.Body, StringComparison.Ordinal);
            }
        });
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Forbidden && a.Body.Contains("suspended", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Unauthorized && a.Body.Contains("revoked", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => group.DisposeAsync();

    private SharedDatabaseInstance Instance() => group.Instance();
}
