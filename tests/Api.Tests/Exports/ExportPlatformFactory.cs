using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Exports;

/// <summary>The API and a worker over s3rver: an export is streamed into the S3-compatible store as in production.</summary>
public sealed class ExportPlatformFactory : PlatformFactory
{
    public override string BlobProvider => "s3";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AutoMl:RateLimits:Enabled"] = "false",
    };
}
