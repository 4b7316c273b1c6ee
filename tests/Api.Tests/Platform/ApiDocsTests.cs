using System.Net;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Platform;

/// <summary>The API as deployed: the Production environment, API docs left at their default.</summary>
public sealed class ProductionApiFactory : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder) => builder.UseEnvironment("Production");
}

/// <summary>Production with AutoMl__ApiDocs=true.</summary>
public sealed class ProductionWithDocsApiFactory : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("AutoMl:ApiDocs", "true");
    }
}

public sealed class ApiDocsTests(ProductionApiFactory production, ProductionWithDocsApiFactory withDocs)
    : IClassFixture<ProductionApiFactory>, IClassFixture<ProductionWithDocsApiFactory>
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    [InlineData("/scalar/v1")]
    public async Task api_docs_are_off_in_production(string path)
    {
        var response = await production.CreateClient().GetAsync(path);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/scalar", "text/html")]
    public async Task api_docs_answer_in_production_when_turned_on(string path, string mediaType)
    {
        var response = await withDocs.CreateClient().GetAsync(path);

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
