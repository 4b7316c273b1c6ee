namespace AutoMl.Infrastructure.Jobs;

/// <summary>The Hangfire job the API enqueues and a worker runs; it carries only the job id.</summary>
public interface IRunJob
{
    Task RunAsync(Guid jobId, CancellationToken cancellationToken);
}
