using Hangfire;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>The Hangfire job the API enqueues and a worker runs; it carries only the job id.</summary>
public interface IRunJob
{
    /// <summary>Attempts before a failure of ours ends the job failed and refunded.</summary>
    const int MaxAttempts = 4;

    // Hangfire reads filters from the type and method it stores, and it stores this interface, not the class
    // that implements it: an attribute on RunJob was never seen, and Hangfire's default (10 retries, hours apart) applied.
    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [2, 4, 8])]
    Task RunAsync(Guid jobId, CancellationToken cancellationToken);
}
