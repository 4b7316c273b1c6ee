using Microsoft.AspNetCore.Http.Metadata;

namespace AutoMl.Api.Hosting;

/// <summary>Lifts the API's 1 MB body limit for an endpoint that enforces its own (uploads, by tier and quota).</summary>
internal sealed class NoBodyLimit : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => null;
}
