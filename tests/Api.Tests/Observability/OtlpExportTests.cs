using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AutoMl.Api.Tests.Observability;

/// <summary>An OTLP/HTTP metrics receiver that accepts everything and keeps what it got.</summary>
public sealed class FakeOtlpCollector : FakeServer
{
    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var fake = new FakeOtlpCollector();
        await fake.ListenAsync();
        return fake;
    }

    protected override IResult Failure() => Results.StatusCode(503);

    protected override void Map(WebApplication server) => server.MapPost("/v1/metrics", () => Results.Ok());
}

public sealed class OtlpPlatformFactory : ApiFactory
{
    public OtlpPlatformFactory() => Collector = FakeOtlpCollector.StartAsync().GetAwaiter().GetResult();

    public FakeOtlpCollector Collector { get; }

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("Observability:OtlpEndpoint", Collector.BaseUrl.ToString());
        builder.UseSetting("Observability:OtlpProtocol", "http/protobuf");
        builder.UseSetting("Observability:ExportIntervalSeconds", "1");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Collector.DisposeAsync();
    }
}

public sealed class OtlpExportTests(OtlpPlatformFactory platform) : IClassFixture<OtlpPlatformFactory>
{
    [Fact]
    public async Task with_an_endpoint_set_request_latency_and_queue_depth_reach_the_collector_over_otlp()
    {
        var user = await platform.SignUpAsync();
        (await user.Http.GetAsync("/api/v1/credits")).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Exported("http.server.request.duration") || !Exported("automl.queue.depth"))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"after 30 s the collector has {platform.Collector.Requests.Count} export(s) without both request latency and queue depth");
            await Task.Delay(250);
        }
        Assert.All(platform.Collector.Requests, r => Assert.Equal("application/x-protobuf", r.Header("Content-Type")));
    }

    private bool Exported(string metric) => platform.Collector.Requests.Any(r => r.Path == "/v1/metrics" && r.Body.Contains(metric, StringComparison.Ordinal));
}
