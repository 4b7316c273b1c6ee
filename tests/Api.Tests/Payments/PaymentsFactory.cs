using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace AutoMl.Api.Tests.Payments;

/// <summary>The API with Stripe, SendGrid and AdMob's key server faked by real local HTTP servers, and its logs captured.</summary>
public class PaymentsFactory : ApiFactory
{
    public const long AdMobKeyId = 1001;

    /// <summary>The ad unit of the real Google-signed callback in tests/data/vectors/admob-ssv.json.</summary>
    public const string RealVectorAdUnit = "3826813800";
    private bool disposed;

    public PaymentsFactory()
    {
        // Started before the host: the host factory intercepts any web host built while Program runs.
        Stripe = FakeStripe.StartAsync().GetAwaiter().GetResult();
        SendGrid = FakeSendGrid.StartAsync().GetAwaiter().GetResult();
        AdMob = FakeAdMob.StartAsync().GetAwaiter().GetResult();
        AdMob.AddKey(AdMobKeyId);
    }

    public FakeStripe Stripe { get; }
    public FakeSendGrid SendGrid { get; }
    public FakeAdMob AdMob { get; }
    public CapturedLogs Logs { get; } = new();

    public string StripeKey { get; } = "sk_test_" + Guid.NewGuid().ToString("N");
    public string WebhookSecret { get; } = "whsec_current" + Guid.NewGuid().ToString("N");
    public string RetiringWebhookSecret { get; } = "whsec_retiring" + Guid.NewGuid().ToString("N");
    public string SendGridKey { get; } = "SG." + Guid.NewGuid().ToString("N");

    protected virtual bool PaymentsEnabled => true;

    protected virtual IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("AdMob:AdUnits", $"{FakeAdMob.OurAdUnit}, {RealVectorAdUnit}"),
        ("AdMob:DailyCap", "5"),
        ("AdMob:UserPerHour", "1000"),
        ("AdMob:IpPerHour", "1000"),
        ("AdMob:DevicePerHour", "2"),
        ("AdMob:ReviewThreshold", "30"),
        ("AdMob:RewardCredits", "7"),
    ];

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        if (PaymentsEnabled)
        {
            builder.UseSetting("Stripe:SecretKey", StripeKey);
            builder.UseSetting("Stripe:WebhookSecrets", $"{RetiringWebhookSecret}, {WebhookSecret}");
        }
        builder.UseSetting("Stripe:ApiBase", Stripe.BaseUrl.ToString());
        builder.UseSetting("SendGrid:ApiKey", SendGridKey);
        builder.UseSetting("SendGrid:Host", SendGrid.BaseUrl.ToString());
        builder.UseSetting("AdMob:VerifierKeysUrl", AdMob.KeysUrl.ToString());
        builder.UseSetting("AdMob:KeyRefetchSeconds", "0");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
        // The host's Serilog writes through the process-wide static logger, which the last host built in this test process
        // owns; a logger of this host's own, at Debug for every category, captures more than production logs, never less.
        builder.ConfigureServices(services => services.AddSingleton<ILoggerFactory>(_ => new SerilogLoggerFactory(
            new LoggerConfiguration().MinimumLevel.Debug().Enrich.FromLogContext().WriteTo.Sink(Logs).CreateLogger(), dispose: true)));
    }

    public async Task<HttpResponseMessage> PostStripeEventAsync(string body, string? secret = null, DateTimeOffset? signedAt = null, string? signedBody = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", StripeEvents.SignatureHeader(signedBody ?? body, secret ?? WebhookSecret, signedAt ?? DateTimeOffset.UtcNow));
        return await CreateClient().SendAsync(request);
    }

    public static async Task<Guid> UserIdAsync(BrowserClient browser) =>
        (await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetGuid();

    public static async Task<JsonElement> CreditsAsync(BrowserClient browser) =>
        await (await browser.Http.GetAsync("/api/v1/credits")).JsonAsync();

    /// <summary>Starts a checkout for a pack and returns the session Stripe holds for it.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> CheckoutAsync(BrowserClient browser, string pack = "small")
    {
        var answer = await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { pack })).JsonAsync();
        var id = answer.GetProperty("url").GetString()!.Split('/')[^1];
        return (System.Text.Json.Nodes.JsonObject)Stripe.Sessions[id].DeepClone();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!disposed)
        {
            disposed = true;
            await Stripe.DisposeAsync();
            await SendGrid.DisposeAsync();
            await AdMob.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same API with no Stripe key set: payments are off.</summary>
public sealed class NoPaymentsFactory : PaymentsFactory
{
    protected override bool PaymentsEnabled => false;
}
