using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Queues;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>
/// API and a worker for every queue; rate limits off, so tests measure jobs, not the limiter. Short jobs mail their
/// outcome, and the first charge of a new account crosses the low-balance line, so the emails are seen.
/// </summary>
public sealed class TrainingPlatformFactory : PlatformFactory
{
    public override string BlobProvider => "local";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AutoMl:RateLimits:Enabled"] = "false",
        ["AutoMl:Notifications:JobFinishedMinBudgetSeconds"] = "10",
        ["AutoMl:Notifications:LowBalanceCredits"] = "100",
    };
}

/// <summary>A worker for ingest only (the low queue): training jobs stay queued, as behind a busy or lost worker.</summary>
public sealed class QueuedOnlyPlatformFactory : PlatformFactory
{
    public override string BlobProvider => "local";

    protected override string[] WorkerQueues => [QueueNames.Low];

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AutoMl:RateLimits:Enabled"] = "false",
        ["AutoMl:Notifications:JobFinishedMinBudgetSeconds"] = "10",
    };
}

/// <summary>API and a worker on a Redis of their own, which a test kills and starts again.</summary>
public sealed class PrivateRedisPlatformFactory : PlatformFactory
{
    public PrivateRedis Redis { get; } = new();

    public override string BlobProvider => "local";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Redis"] = Redis.ConnectionString,
        ["AutoMl:RateLimits:Enabled"] = "false",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Redis.Dispose();
    }
}
