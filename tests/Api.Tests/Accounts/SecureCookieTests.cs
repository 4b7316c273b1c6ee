using System.Net;
using System.Text;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>The API as it runs in production: Production environment, behind nginx on the compose network (172.28.0.0/16).</summary>
public sealed class ProductionApiFactory : ApiFactory
{
    public const string ProxyNetwork = "172.28.0.0/16";

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("AutoMl:ForwardedHeaders:KnownNetworks", ProxyNetwork);
    }
}

public sealed class SecureCookieTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    private static readonly string[] CookieNames = ["automl.session=", "automl.antiforgery=", "XSRF-TOKEN="];

    [Fact]
    public async Task session_cookies_are_secure_outside_development()
    {
        var email = ApiFactory.NewEmail();

        // nginx terminated TLS and reaches the API over plain HTTP, saying so in X-Forwarded-Proto.
        var signUp = await PostAsync("/api/v1/auth/signup", email, peer: "172.28.0.9", forwardedProto: "https");
        var login = await PostAsync("/api/v1/auth/login", email, peer: "172.28.0.9", forwardedProto: "https");

        Assert.Equal(StatusCodes.Status201Created, signUp.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, login.Response.StatusCode);
        foreach (var response in new[] { signUp.Response, login.Response })
        {
            var cookies = response.Headers.SetCookie.Select(c => c!).ToList();
            foreach (var name in CookieNames)
            {
                var cookie = Assert.Single(cookies, c => c.StartsWith(name, StringComparison.Ordinal));
                Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task a_sign_up_over_plain_http_sets_no_cookie_and_creates_nothing()
    {
        var email = ApiFactory.NewEmail();

        var signUp = await PostAsync("/api/v1/auth/signup", email, peer: "198.51.100.4", forwardedProto: null);

        Assert.Equal(StatusCodes.Status400BadRequest, signUp.Response.StatusCode);
        Assert.Contains("https://", new StreamReader(signUp.Response.Body).ReadToEnd(), StringComparison.Ordinal);
        Assert.Equal(0, signUp.Response.Headers.SetCookie.Count);
        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task a_forwarded_proto_from_an_untrusted_peer_does_not_make_a_request_https()
    {
        var email = ApiFactory.NewEmail();

        var signUp = await PostAsync("/api/v1/auth/signup", email, peer: "203.0.113.50", forwardedProto: "https");

        Assert.Equal(StatusCodes.Status400BadRequest, signUp.Response.StatusCode);
        Assert.Contains("https://", new StreamReader(signUp.Response.Body).ReadToEnd(), StringComparison.Ordinal);
        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    /// <summary>A POST arriving over a plain-HTTP connection from <paramref name="peer"/>, as Kestrel would see it.</summary>
    private Task<HttpContext> PostAsync(string path, string email, string peer, string? forwardedProto) =>
        api.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Scheme = "http";
            http.Request.Path = path;
            http.Request.ContentType = "application/json";
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { email, password = ApiFactory.GoodPassword, acceptTerms = true, confirmAge = true }));
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = body.Length;
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            if (forwardedProto is not null)
            {
                // nginx sends both: the client's address and the scheme it was reached by.
                http.Request.Headers["X-Forwarded-For"] = "198.51.100.4";
                http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
