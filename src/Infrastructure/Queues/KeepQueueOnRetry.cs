using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.States;

namespace AutoMl.Infrastructure.Queues;

/// <summary>
/// Hangfire enqueues a job that comes back from a retry or a delay on its "default" queue, which no worker of ours
/// serves: such a job waited forever, holding its credits. The queue a job is created for is kept as a job parameter
/// and put back whenever the job is enqueued again.
/// </summary>
public sealed class KeepQueueOnRetry : IClientFilter, IElectStateFilter, IHostJobFilter
{
    public const string Parameter = "automl-queue";

    /// <summary>Creates a job that starts after <paramref name="delay"/> and then runs on <paramref name="queue"/>.</summary>
    public static string Schedule(IBackgroundJobClient client, Job job, string queue, TimeSpan delay) =>
        ((IBackgroundJobClientV2)client).Create(job, new ScheduledState(delay), new Dictionary<string, object> { [Parameter] = queue });

    public void OnCreating(CreatingContext context)
    {
        if (context.InitialState is EnqueuedState enqueued && context.GetJobParameter<string>(Parameter) is null)
        {
            context.SetJobParameter(Parameter, enqueued.Queue);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is EnqueuedState { Queue: EnqueuedState.DefaultQueue } enqueued
            && context.GetJobParameter<string>(Parameter) is { Length: > 0 } queue)
        {
            enqueued.Queue = queue;
        }
    }
}
