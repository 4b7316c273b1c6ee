using System.Net;
using System.Security.Cryptography;
using AutoMl.Infrastructure.Rewards;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Tests.Rewards;

public sealed class AdMobKeyStoreTests
{
    [Fact]
    public async Task an_unknown_key_id_fetches_the_keys_again_at_most_once_a_minute()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var server = new KeyServer($$"""{"keys":[{"keyId":1,"base64":"{{Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())}}"}]}""");
        var clock = new SteppingClock();
        using var store = new AdMobKeyStore(server, Options.Create(new AdMobOptions { VerifierKeysUrl = "http://keys.test/keys.json" }), clock, NullLogger<AdMobKeyStore>.Instance);

        Assert.NotNull(await store.FindAsync(1, default));
        Assert.Null(await store.FindAsync(2, default));
        Assert.Null(await store.FindAsync(3, default));
        Assert.Equal(1, server.Calls);

        clock.Now += TimeSpan.FromSeconds(61);
        Assert.Null(await store.FindAsync(2, default));
        Assert.NotNull(await store.FindAsync(1, default));
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task cached_keys_keep_verifying_while_the_key_server_is_down()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var server = new KeyServer($$"""{"keys":[{"keyId":7,"base64":"{{Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())}}"}]}""");
        var clock = new SteppingClock();
        using var store = new AdMobKeyStore(server, Options.Create(new AdMobOptions { VerifierKeysUrl = "http://keys.test/keys.json" }), clock, NullLogger<AdMobKeyStore>.Instance);
        Assert.NotNull(await store.FindAsync(7, default));

        server.Down = true;
        clock.Now += TimeSpan.FromDays(2);

        Assert.NotNull(await store.FindAsync(7, default));
        Assert.Equal(2, server.Calls);
    }

    private sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class KeyServer(string json) : HttpMessageHandler, IHttpClientFactory
    {
        public int Calls { get; private set; }
        public bool Down { get; set; }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Down
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) });
        }
    }
}
