using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>The API with a free hub bucket of a few invocations that refills slowly.</summary>
public sealed class TightHubLimitsApiFactory : ApiFactory
{
    public const int Burst = 4;

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMl:RateLimits:Free:HubInvocation:Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AutoMl:RateLimits:Free:HubInvocation:PerSecond", "0.05");
        builder.UseSetting("AutoMl:RateLimits:RedisTimeoutMilliseconds", "5000");
    }
}

/// <summary>The live-events hub under attack: floods of Resume, and connections that outlive their credentials.</summary>
public sealed class HubAbuseTests(TightHubLimitsApiFactory api) : IClassFixture<TightHubLimitsApiFactory>
{
    private static readonly TimeSpan CloseDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task resume_calls_beyond_the_bucket_are_refused()
    {
        var owner = await api.SignUpAsync();
        await using var connection = Connect(api.Server.CreateHandler(), await api.CreateApiKeyAsync(owner));
        await connection.StartAsync();

        var answered = 0;
        HubException? refused = null;
        for (var i = 0; i < 4 * TightHubLimitsApiFactory.Burst && refused is null; i++)
        {
            try
            {
                await connection.InvokeAsync<int>("Resume", 0L);
                answered++;
            }
            catch (HubException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Contains("slow down", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(answered, 1, TightHubLimitsApiFactory.Burst);
        // The same user on a second connection draws from the same bucket: reconnecting is no way around it.
        await using var second = Connect(api.Server.CreateHandler(), await api.CreateApiKeyAsync(owner, "second"));
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        var again = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await second.StartAsync();
            await second.InvokeAsync<int>("Resume", 0L);
        });
        // Refused on connecting (the server closes with the reason) or on the call: either way it says why.
        var reasons = again.Message.Contains("slow down", StringComparison.OrdinalIgnoreCase) ? again.Message
            : (await closed.Task.WaitAsync(CloseDeadline))?.Message;
        Assert.Contains("slow down", reasons, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task revoking_a_key_closes_its_live_connections()
    {
        var owner = await api.SignUpAsync();
        var doomedKey = await api.CreateApiKeyAsync(owner, "leaked");
        var keptKey = await api.CreateApiKeyAsync(owner, "kept");
        // Neither client listens for the server's "close" message: the server must cut them off itself.
        await using var doomed = Connect(api.Server.CreateHandler(), doomedKey);
        await using var kept = Connect(api.Server.CreateHandler(), keptKey);
        var doomedClosed = ClosedSignal(doomed);
        await EventsHubClient.StartAsync(doomed);
        await EventsHubClient.StartAsync(kept);

        var keys = await (await owner.Http.GetAsync("/api/v1/api-keys")).JsonAsync();
        var id = keys.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "leaked").GetProperty("id").GetString();
        await (await owner.Http.DeleteAsync($"/api/v1/api-keys/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.Same(doomedClosed, await Task.WhenAny(doomedClosed, Task.Delay(CloseDeadline)));
        Assert.Equal(HubConnectionState.Disconnected, doomed.State);
        Assert.Equal(HubConnectionState.Connected, kept.State);
    }

    [Fact]
    public async Task logging_out_closes_the_sessions_live_connections()
    {
        var owner = await api.SignUpAsync();
        var key = await api.CreateApiKeyAsync(owner);
        await using var session = Connect(new CookieContainerHandler(owner.Cookies) { InnerHandler = api.Server.CreateHandler() }, apiKey: null);
        await using var ci = Connect(api.Server.CreateHandler(), key);
        var sessionClosed = ClosedSignal(session);
        await EventsHubClient.StartAsync(session);
        await EventsHubClient.StartAsync(ci);

        await (await owner.Http.PostAsJsonAsync("/api/v1/auth/logout", new { })).EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.Same(sessionClosed, await Task.WhenAny(sessionClosed, Task.Delay(CloseDeadline)));
        Assert.Equal(HubConnectionState.Disconnected, session.State);
        // Signing out ends browser sessions, not the CI pipeline's key.
        Assert.Equal(HubConnectionState.Connected, ci.State);
    }

    private HubConnection Connect(HttpMessageHandler handler, string? apiKey) => EventsHubClient.Build(api, apiKey, handler: handler);

    private static Task ClosedSignal(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
