using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Platform;

/// <summary>
/// A blob store whose every call fails the way a misconfigured store does: with a message naming its host, bucket and
/// credentials. The real store is replaced because no request a user can make breaks it on purpose.
/// </summary>
public sealed class BrokenStorageApiFactory : ApiFactory
{
    public const string Secret = "s3://internal-bucket.corp.example/users AccessKey=AKIAEXAMPLESECRET";

    protected override void ConfigurePlatform(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IBlobStore>(new BrokenBlobStore()));

    private sealed class BrokenBlobStore : IBlobStore
    {
        public bool SupportsPresignedUploads => false;

        public Task PutFileAsync(string key, string path, CancellationToken ct) => throw Failure();

        public Task PutAsync(string key, Stream content, CancellationToken ct) => throw Failure();

        public Task<Stream> OpenReadAsync(string key, CancellationToken ct) => throw Failure();

        public Task DownloadToFileAsync(string key, string path, CancellationToken ct) => throw Failure();

        public Task<long?> SizeAsync(string key, CancellationToken ct) => throw Failure();

        public Task DeleteAsync(string key, CancellationToken ct) => throw Failure();

        public Task DeletePrefixAsync(string prefix, CancellationToken ct) => throw Failure();

        public Task<PresignedUpload> StartPresignedUploadAsync(string key, long sizeBytes, TimeSpan validFor, CancellationToken ct) => throw Failure();

        public Task CompletePresignedUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken ct) => throw Failure();

        public Task AbortPresignedUploadAsync(string key, string uploadId, CancellationToken ct) => throw Failure();

        public Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct) => throw Failure();

        public Task<int> DeleteOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct) => throw Failure();

        public Task<int> AbortMultipartUploadsUnderPrefixAsync(string prefix, DateTimeOffset startedBefore, CancellationToken ct) => throw Failure();

        private static InvalidOperationException Failure() => new($"Could not write to {Secret}: connection refused (10.0.3.7:9000)");
    }
}

public sealed class InternalErrorTests(BrokenStorageApiFactory api) : IClassFixture<BrokenStorageApiFactory>
{
    [Fact]
    public async Task an_unhandled_exception_shows_no_internal_text()
    {
        var user = await api.SignUpAsync();

        var response = await user.Http.PostFileAsync("a,b\n1,2\n3,4\n"u8.ToArray(), "small.csv");

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("internal-bucket", body, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIA", body, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.3.7", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        var traceId = problem.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.Contains(traceId!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
