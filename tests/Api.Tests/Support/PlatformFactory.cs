using AutoMl.Domain.Queues;
using AutoMl.Workers.Hosting;
using Hangfire;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Support;

/// <summary>The API and a worker in one process, over the real Postgres and Redis and the chosen blob store.</summary>
public abstract class PlatformFactory : ApiFactory
{
    public abstract string BlobProvider { get; }

    /// <summary>Where the platform reaches the S3 store: s3rver itself, or a gate in front of it.</summary>
    protected virtual string S3Url => Environment.GetEnvironmentVariable("AUTOML_TEST_S3_URL")
        ?? throw new InvalidOperationException("AUTOML_TEST_S3_URL is not set: run ./test.sh, which starts s3rver.");

    /// <summary>The queues the in-process worker serves; leave one out to keep its jobs queued.</summary>
    protected virtual string[] WorkerQueues => QueueNames.All;

    /// <summary>Settings of a derived factory, applied last.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("Blobs:Provider", BlobProvider);
        if (BlobProvider == "s3")
        {
            builder.UseSetting("Blobs:S3:ServiceUrl", S3Url);
            builder.UseSetting("Blobs:S3:Bucket", "automl");
            builder.UseSetting("Blobs:S3:AccessKey", "S3RVER");
            builder.UseSetting("Blobs:S3:SecretKey", "S3RVER");
            // Small parts, so the presigned multipart path is exercised with a small file.
            builder.UseSetting("Blobs:S3:PartSizeBytes", (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Blobs:S3:MultipartThresholdBytes", (6 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddAutoMlWorkerJobs();
            services.AddHangfireServer(o =>
            {
                o.Queues = WorkerQueues;
                o.WorkerCount = 2;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        });
    }
}

public sealed class LocalPlatformFactory : PlatformFactory
{
    public override string BlobProvider => "local";
}

/// <summary>s3rver behind <see cref="S3SignatureGate"/>, so presigned URLs are checked as a real S3 store checks them.</summary>
public sealed class S3PlatformFactory : PlatformFactory
{
    public S3PlatformFactory()
    {
        // Started before the host is built, so the host factory never mistakes the gate for the API.
        Gate = S3SignatureGate.StartAsync(new Uri(base.S3Url), "S3RVER").GetAwaiter().GetResult();
    }

    public override string BlobProvider => "s3";

    public S3SignatureGate Gate { get; }

    protected override string S3Url => Gate.BaseUrl.ToString().TrimEnd('/');

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gate.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
