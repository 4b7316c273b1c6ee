using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Queues;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>API and a worker for every queue; rate limits off, so tests measure jobs, not the limiter.</summary>
public sealed class TrainingPlatformFactory : PlatformFactory
{
    public override string BlobProvider => "local";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["AutoMl:RateLimits:Enabled"] = "false" };
}

/// <summary>A worker for ingest only (the low queue): training jobs stay queued, as behind a busy or lost worker.</summary>
public sealed class QueuedOnlyPlatformFactory : PlatformFactory
{
    public override string BlobProvider => "local";

    protected override string[] WorkerQueues => [QueueNames.Low];

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["AutoMl:RateLimits:Enabled"] = "false" };
}
