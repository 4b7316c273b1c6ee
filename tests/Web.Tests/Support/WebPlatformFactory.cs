using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Web.Tests.Support;

/// <summary>
/// The platform serving the built dashboard (web/dist) with an in-process worker on a real loopback port,
/// so chromium, driven by node, reaches it like a user's browser would.
/// </summary>
public sealed class WebPlatformFactory : PlatformFactory, IAsyncLifetime
{
    // A copy of web/dist: a rebuild of the dashboard during the run (vite empties dist first) must not pull it away.
    private readonly string webRoot = Path.Combine(Path.GetTempPath(), "automl-web-" + Guid.NewGuid().ToString("N"));

    private readonly int port = FreePort();
    private readonly string stripeKey = "sk_test_" + Guid.NewGuid().ToString("N");
    private readonly string webhookSecret = "whsec_" + Guid.NewGuid().ToString("N");

    public WebPlatformFactory()
    {
        // A port known before the host starts: the links the platform puts in redirects and emails (PublicUrl) must
        // reach this very server, as Stripe's success_url reaches the real one.
        UseKestrel(port);
        // Started before the host: the host factory intercepts any web host built while Program runs.
        Stripe = FakeStripe.StartAsync().GetAwaiter().GetResult();
        StripePages = StripeHostedPages.StartAsync(Stripe, webhookSecret, new Uri($"{PublicUrl}/webhooks/stripe")).GetAwaiter().GetResult();
    }

    public override string BlobProvider => "local";

    /// <summary>Stripe's API; its Checkout and portal session urls open <see cref="StripePages"/>.</summary>
    public FakeStripe Stripe { get; }

    public StripeHostedPages StripePages { get; }

    private string PublicUrl => $"http://127.0.0.1:{port}";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AutoMl:WebRoot"] = webRoot,
        ["AutoMl:PublicUrl"] = PublicUrl,
        // Every spec signs up new users from one address and polls while it waits; the limits have tests of their own.
        ["AutoMl:RateLimits:Enabled"] = "false",
        ["Stripe:SecretKey"] = stripeKey,
        ["Stripe:WebhookSecrets"] = webhookSecret,
        ["Stripe:ApiBase"] = Stripe.BaseUrl.ToString(),
    };

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string Address { get; private set; } = null!;

    /// <summary>Where the specs read the mails (and their links) of the addresses they sign up with.</summary>
    public TestMailbox Mailbox { get; private set; } = null!;

    // The base class starts the host through Server, which Kestrel does not support: start it this way instead.
    public new async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Repo.WebDist, "index.html")))
        {
            throw new InvalidOperationException($"The dashboard is not built ({Repo.WebDist}/index.html is missing): run infra/web.sh build.");
        }
        if (!File.Exists(Repo.Chromium))
        {
            throw new InvalidOperationException($"{Repo.Chromium} is missing: install it with 'apt-get install -y chromium' (./test.sh does).");
        }
        await CopyBuildAsync();
        StartServer(); // migrates the database
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        if (Address != PublicUrl)
        {
            throw new InvalidOperationException($"The platform listens on {Address}, not on {PublicUrl}, where its links point.");
        }
        Mailbox = await TestMailbox.StartAsync(this);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Mailbox.DisposeAsync();
        await StripePages.DisposeAsync();
        await Stripe.DisposeAsync();
        await TestStack.DropDatabaseAsync(Database);
        Directory.Delete(webRoot, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Copies web/dist, waiting out a build that is rewriting it (a file vanishing mid-copy).</summary>
    private async Task CopyBuildAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(webRoot))
                {
                    Directory.Delete(webRoot, recursive: true);
                }
                foreach (var file in Directory.EnumerateFiles(Repo.WebDist, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(webRoot, Path.GetRelativePath(Repo.WebDist, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
                if (File.Exists(Path.Combine(webRoot, "index.html")))
                {
                    return;
                }
            }
            catch (IOException) when (attempt < 20)
            {
            }
            if (attempt >= 20)
            {
                throw new InvalidOperationException($"{Repo.WebDist} kept changing while it was copied: is a dashboard build running in a loop?");
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
