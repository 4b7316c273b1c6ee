using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

public sealed class AccountSettingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task notifications_are_on_by_default_and_a_patch_changes_only_the_fields_sent()
    {
        var here = await api.SignUpAsync();
        var me = await (await here.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.True(me.GetProperty("notifyJobFinished").GetBoolean());
        Assert.True(me.GetProperty("notifyLowBalance").GetBoolean());

        var patched = await (await here.Http.PatchAsJsonAsync("/api/v1/me", new { notifyJobFinished = false })).JsonAsync();

        Assert.False(patched.GetProperty("notifyJobFinished").GetBoolean());
        Assert.True(patched.GetProperty("notifyLowBalance").GetBoolean());
        me = await (await here.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.False(me.GetProperty("notifyJobFinished").GetBoolean());
        Assert.True(me.GetProperty("notifyLowBalance").GetBoolean());
    }

    [Fact]
    public async Task the_openapi_document_lists_the_account_endpoints_under_accounts()
    {
        var paths = (await (await api.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        var expected = new[]
        {
            ("/api/v1/auth/password/forgot", "post"), ("/api/v1/auth/password/reset", "post"), ("/api/v1/auth/password/change", "post"),
            ("/api/v1/auth/reauthenticate", "post"), ("/api/v1/auth/confirm-email-change", "post"), ("/api/v1/me/email", "post"),
            ("/api/v1/me", "patch"),
        };
        foreach (var (path, method) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the OpenAPI document");
            Assert.Equal("Accounts", operation.GetProperty("tags")[0].GetString());
        }
    }
}
