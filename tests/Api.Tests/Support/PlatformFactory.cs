using AutoMl.Infrastructure.Queues;
using AutoMl.Workers.Hosting;
using Hangfire;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Support;

/// <summary>The API and a worker in one process, over the real Postgres and Redis and the chosen blob store.</summary>
public abstract class PlatformFactory : ApiFactory
{
    public abstract string BlobProvider { get; }

    /// <summary>The queues the in-process worker serves; leave one out to keep its jobs queued.</summary>
    protected virtual string[] WorkerQueues => QueueNames.All;

    /// <summary>Settings of a derived factory, applied last.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("Blobs:Provider", BlobProvider);
        if (BlobProvider == "s3")
        {
            builder.UseSetting("Blobs:S3:ServiceUrl", Environment.GetEnvironmentVariable("AUTOML_TEST_S3_URL")
                ?? throw new InvalidOperationException("AUTOML_TEST_S3_URL is not set: run ./test.sh, which starts s3rver."));
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

public sealed class S3PlatformFactory : PlatformFactory
{
    public override string BlobProvider => "s3";
}
