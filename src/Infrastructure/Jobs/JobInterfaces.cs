using AutoMl.Domain.Jobs;
using Hangfire;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>How often a job is tried before a failure of ours ends it failed and refunded.</summary>
public static class JobAttempts
{
    public const int Max = 4;
}

// Hangfire reads filters from the type and method it stores, and it stores these interfaces, not the classes that
// implement them: an attribute on the class was never seen, and Hangfire's default (10 retries, hours apart) applied.

/// <summary>The Hangfire job that trains a model; it carries only the job id.</summary>
public interface ITrainJob
{
    [AutomaticRetry(Attempts = JobAttempts.Max - 1, DelaysInSeconds = [2, 4, 8])]
    Task RunAsync(Guid jobId, CancellationToken cancellationToken);
}

/// <summary>The Hangfire job that predicts a data set with a model; it carries only the job id.</summary>
public interface IPredictJob
{
    [AutomaticRetry(Attempts = JobAttempts.Max - 1, DelaysInSeconds = [2, 4, 8])]
    Task RunAsync(Guid jobId, CancellationToken cancellationToken);
}

/// <summary>The Hangfire job that scores a model on a labelled data set; it carries only the job id.</summary>
public interface IEvaluateJob
{
    [AutomaticRetry(Attempts = JobAttempts.Max - 1, DelaysInSeconds = [2, 4, 8])]
    Task RunAsync(Guid jobId, CancellationToken cancellationToken);
}

/// <summary>
/// The one Hangfire job of versions before training and prediction were split. Nothing enqueues it any more; it stays
/// so that deliveries already stored in Redis (and their retries) still run: it forwards by the job's kind.
/// </summary>
public interface IRunJob
{
    [AutomaticRetry(Attempts = JobAttempts.Max - 1, DelaysInSeconds = [2, 4, 8])]
    Task RunAsync(Guid jobId, CancellationToken cancellationToken);
}

public static class JobDeliveries
{
    /// <summary>The Hangfire job that runs a job of <paramref name="kind"/>.</summary>
    public static Hangfire.Common.Job For(JobKind kind, Guid jobId) => kind switch
    {
        JobKind.Train => Hangfire.Common.Job.FromExpression<ITrainJob>(j => j.RunAsync(jobId, CancellationToken.None)),
        JobKind.Predict => Hangfire.Common.Job.FromExpression<IPredictJob>(j => j.RunAsync(jobId, CancellationToken.None)),
        JobKind.Evaluate => Hangfire.Common.Job.FromExpression<IEvaluateJob>(j => j.RunAsync(jobId, CancellationToken.None)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The Hangfire job types that carry a job id as their first argument, the legacy one included.</summary>
    public static bool Carries(Type type) => type == typeof(ITrainJob) || type == typeof(IPredictJob) || type == typeof(IEvaluateJob)
        || type == typeof(IRunJob);
}
