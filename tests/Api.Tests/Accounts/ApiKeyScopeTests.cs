using System.Net;
using System.Net.Http.Json;
using System.Text;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>What a leaked key of each scope can and cannot do; every refusal is a 403 naming the scope it lacks.</summary>
public sealed class ApiKeyScopeTests(LocalPlatformFactory platform) : IClassFixture<LocalPlatformFactory>
{
    private static readonly byte[] SmallCsv = Encoding.UTF8.GetBytes("x,y\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n");

    [Fact]
    public async Task a_read_key_cannot_start_a_training_job()
    {
        var owner = await platform.SignUpAsync();
        var dataset = await owner.Http.ReadyDatasetAsync();
        var read = platform.WithKey(await platform.CreateApiKeyAsync(owner, scope: "read"));
        var before = await owner.Http.CreditsAsync();

        var problem = await (await read.SubmitAsync(dataset, "species", 10)).ProblemAsync(HttpStatusCode.Forbidden);

        AssertNamesScope(problem, "train");
        var jobs = await (await owner.Http.GetAsync("/api/v1/jobs")).JsonAsync();
        Assert.Empty(jobs.GetProperty("items").EnumerateArray());
        Assert.Equal(before.ToString(), (await owner.Http.CreditsAsync()).ToString());
        // What a read key is for still works: reading, and a quote, which spends nothing.
        await (await read.GetAsync($"/api/v1/datasets/{dataset}")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await read.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = dataset, target = "species", budgetSeconds = 10 }))
            .EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_read_key_cannot_upload_a_data_set()
    {
        var owner = await platform.SignUpAsync();
        var read = platform.WithKey(await platform.CreateApiKeyAsync(owner, scope: "read"));

        AssertNamesScope(await (await read.PostFileAsync(SmallCsv, "sneaky.csv")).ProblemAsync(HttpStatusCode.Forbidden), "train");
        var presigned = await read.PostAsJsonAsync("/api/v1/datasets/uploads", new { fileName = "sneaky.csv", sizeBytes = 1024 });
        AssertNamesScope(await presigned.ProblemAsync(HttpStatusCode.Forbidden), "train");

        var list = await (await owner.Http.GetAsync("/api/v1/datasets")).JsonAsync();
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task a_train_key_cannot_delete_a_data_set()
    {
        var owner = await platform.SignUpAsync();
        var train = platform.WithKey(await platform.CreateApiKeyAsync(owner));
        var id = await train.UploadAsync(SmallCsv, "kept.csv");
        await train.SettledAsync(id);

        AssertNamesScope(await (await train.DeleteAsync($"/api/v1/datasets/{id}")).ProblemAsync(HttpStatusCode.Forbidden), "full");
        var rename = await train.PatchAsJsonAsync($"/api/v1/datasets/{id}", new { name = "renamed.csv" });
        AssertNamesScope(await rename.ProblemAsync(HttpStatusCode.Forbidden), "full");

        var still = await (await owner.Http.GetAsync($"/api/v1/datasets/{id}")).JsonAsync();
        Assert.Equal("kept.csv", still.GetProperty("name").GetString());
        var full = platform.WithKey(await platform.CreateApiKeyAsync(owner, scope: "full"));
        await (await full.DeleteAsync($"/api/v1/datasets/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task a_key_of_any_scope_cannot_create_api_keys()
    {
        var owner = await platform.SignUpAsync();
        foreach (var scope in new[] { "read", "train", "full" })
        {
            var key = platform.WithKey(await platform.CreateApiKeyAsync(owner, scope, scope));

            var created = await key.PostAsJsonAsync("/api/v1/api-keys", new { name = "minted by a key", scope = "full" });
            AssertNamesScope(await created.ProblemAsync(HttpStatusCode.Forbidden), "session");
            var listed = await key.GetAsync("/api/v1/api-keys");
            AssertNamesScope(await listed.ProblemAsync(HttpStatusCode.Forbidden), "session");
        }

        var keys = await (await owner.Http.GetAsync("/api/v1/api-keys")).JsonAsync();
        Assert.Equal(["full", "train", "read"], keys.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        var victim = keys.GetProperty("items")[0].GetProperty("id").GetString();
        var fullKey = platform.WithKey(await platform.CreateApiKeyAsync(owner, "another", "full"));
        await (await fullKey.DeleteAsync($"/api/v1/api-keys/{victim}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(4, (await (await owner.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task a_key_of_any_scope_cannot_delete_the_account()
    {
        var email = ApiFactory.NewEmail();
        var owner = await platform.SignUpAsync(email);
        foreach (var scope in new[] { "read", "train", "full" })
        {
            var key = platform.WithKey(await platform.CreateApiKeyAsync(owner, scope, scope));

            AssertNamesScope(await (await key.DeleteAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Forbidden), "session");

            var me = await (await key.GetAsync("/api/v1/me")).JsonAsync();
            Assert.Equal(email, me.GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task a_key_of_any_scope_cannot_touch_billing_or_sign_the_sessions_out()
    {
        var owner = await platform.SignUpAsync();
        var key = platform.WithKey(await platform.CreateApiKeyAsync(owner, scope: "full"));

        var checkout = await key.PostAsJsonAsync("/api/v1/billing/checkout", new { pack = "small" });
        AssertNamesScope(await checkout.ProblemAsync(HttpStatusCode.Forbidden), "session");
        AssertNamesScope(await (await key.GetAsync("/api/v1/billing/portal")).ProblemAsync(HttpStatusCode.Forbidden), "session");
        AssertNamesScope(await (await key.PostAsync("/api/v1/auth/logout", null)).ProblemAsync(HttpStatusCode.Forbidden), "session");

        await (await owner.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_key_gets_the_train_scope_unless_told_otherwise_and_lists_it()
    {
        var owner = await platform.SignUpAsync();
        var created = await (await owner.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "ci" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("train", created.GetProperty("scope").GetString());
        await platform.CreateApiKeyAsync(owner, "reader", "read");

        var keys = (await (await owner.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(k => k.GetProperty("name").GetString()!, k => k.GetProperty("scope").GetString());
        Assert.Equal("train", keys["ci"]);
        Assert.Equal("read", keys["reader"]);

        var current = await (await platform.WithKey(created.GetProperty("key").GetString()!).GetAsync("/api/v1/api-keys/current")).JsonAsync();
        Assert.Equal("ci", current.GetProperty("name").GetString());
        Assert.Equal("train", current.GetProperty("scope").GetString());
        Assert.False(current.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task an_unknown_scope_is_a_validation_problem_and_creates_nothing()
    {
        var owner = await platform.SignUpAsync();
        foreach (var scope in new[] { "root", "FULL", "" })
        {
            var response = await owner.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "ci", scope });
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("read, train or full", problem.GetProperty("errors").GetProperty("scope")[0].GetString(), StringComparison.Ordinal);
        }
        Assert.Empty((await (await owner.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task the_openapi_document_describes_key_scopes()
    {
        var doc = await (await platform.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/api-keys/current", out _));
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "CreateApiKeyRequest", "ApiKeyView", "CreatedApiKey" })
        {
            var scope = schemas.GetProperty(schema).GetProperty("properties").GetProperty("scope");
            Assert.Contains("'train' (the default", scope.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    private static void AssertNamesScope(System.Text.Json.JsonElement problem, string scope)
    {
        Assert.Equal(scope, problem.GetProperty("requiredScope").GetString());
        Assert.Contains(scope, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
