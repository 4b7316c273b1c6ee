using System.Net;
using System.Text;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Platform;

/// <summary>
/// What a browser is told about every answer: no MIME sniffing, no full referrer to other sites, and for the
/// dashboard a Content-Security-Policy under which an injected string (a label, a column name) runs no script.
/// </summary>
public sealed class SecurityHeaderTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] DashboardDirectives = ["script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"];

    [Fact]
    public async Task every_response_carries_the_security_headers()
    {
        var http = api.CreateClient();
        var browser = await api.SignUpAsync();
        var answers = new List<HttpResponseMessage>
        {
            await browser.Http.GetAsync("/api/v1/me"), // 200 JSON
            await http.GetAsync("/api/v1/me"), // 401
            await http.GetAsync("/api/v1/no-such-thing"), // 404 problem
            await http.PostAsync("/api/v1/auth/signup", new StringContent("{\"email\": ", Encoding.UTF8, "application/json")), // 400 problem
            await http.GetAsync("/health/live"),
            await http.GetAsync("/openapi/v1.json"),
            await http.GetAsync("/"), // the dashboard
        };

        foreach (var response in answers)
        {
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath} ({(int)response.StatusCode})";
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{what} lacks X-Content-Type-Options: nosniff");
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "strict-origin-when-cross-origin", $"{what} lacks a Referrer-Policy");
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{what} lacks a Content-Security-Policy");
        }
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.Unauthorized);
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/datasets/01a23c1d-9212-77f5-9dd5-1811a8c08690")] // a client route, answered by the fallback
    public async Task the_dashboard_is_served_with_a_content_security_policy(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in DashboardDirectives)
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_api_reference_keeps_frame_and_plugin_protection_under_its_own_policy()
    {
        var response = await api.CreateClient().GetAsync("/scalar/v1");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return; // the API reference is off in this environment
        }

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
    }
}
