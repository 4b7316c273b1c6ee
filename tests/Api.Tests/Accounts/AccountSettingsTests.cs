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
}
