using System.Net;
using System.Text;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Platform;

public sealed class ErrorAndHealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task malformed_json_is_a_400_problem_saying_where()
    {
        var body = new StringContent("{\"email\": \"a@example.com\", \"password\": ", Encoding.UTF8, "application/json");
        var response = await api.CreateClient().PostAsync("/api/v1/auth/signup", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_oversized_body_is_a_413_problem()
    {
        var huge = "{\"email\":\"a@example.com\",\"password\":\"" + new string('p', 2 * 1024 * 1024) + "\"}";
        var response = await api.CreateClient().PostAsync("/api/v1/auth/signup", new StringContent(huge, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_api_path_is_a_404_problem()
    {
        await (await api.CreateClient().GetAsync("/api/v1/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/hubs/event")]
    [InlineData("/health/readyy")]
    [InlineData("/openapi/v1")]
    public async Task a_mistyped_server_path_is_a_404_problem_not_the_dashboard(string path)
    {
        await (await api.CreateClient().GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_dashboard_route_is_the_dashboards_page()
    {
        var page = await api.CreateClient().GetAsync("/datasets/0b5e6a9e-1f7e-4a55-9c39-5a8f5c1f9f10");

        await page.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ready_checks_postgres_and_redis()
    {
        var ready = await api.CreateClient().GetAsync("/health/ready");
        await ready.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        await (await api.CreateClient().GetAsync("/health/live")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_openapi_document_describes_the_account_endpoints()
    {
        var doc = await (await api.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/me", "/api/v1/api-keys", "/api/v1/credits" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }
    }
}
