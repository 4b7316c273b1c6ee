using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Queues;
using Hangfire.States;
using Hangfire.Storage;

namespace AutoMl.Workers.Jobs;

/// <summary>When Hangfire gives a job up (its last retry failed), the job ends failed and is refunded.</summary>
internal sealed class DeadJobRefundFilter(IServiceScopeFactory scopes) : IApplyStateFilter, IHostJobFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState failed
            || context.BackgroundJob.Job?.Type is not { } type || !JobDeliveries.Carries(type)
            || context.BackgroundJob.Job.Args.Count == 0 || context.BackgroundJob.Job.Args[0] is not Guid jobId)
        {
            return;
        }
        using var scope = scopes.CreateScope();
        var reference = JobFaults.NewReference();
        scope.ServiceProvider.GetRequiredService<ILogger<DeadJobRefundFilter>>().LogError(failed.Exception,
            "Job {JobId} failed after {Attempts} attempts; reference {Reference}", jobId, JobAttempts.Max, reference);
        var reason = JobFaults.GaveUp(JobAttempts.Max, reference);
        scope.ServiceProvider.GetRequiredService<JobFailure>().FailAndRefundAsync(jobId, reason, CancellationToken.None).GetAwaiter().GetResult();
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
