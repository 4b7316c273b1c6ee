using AutoMl.Domain.Queues;
using Hangfire;

namespace AutoMl.Infrastructure.Workflows;

// Interfaces, as for training jobs (JobInterfaces.cs): Hangfire stores the type it is given, and the API schedules
// these without referencing the worker that runs them.

/// <summary>A workflow's schedule firing: a Hangfire recurring job per scheduled workflow.</summary>
public interface IWorkflowScheduleJob
{
    [Queue(QueueNames.High)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 20])]
    Task FireAsync(Guid workflowId, CancellationToken cancellationToken);
}

/// <summary>A new data set version's debounced run: scheduled on every upload, it starts a run once the uploads go quiet.</summary>
public interface IWorkflowVersionJob
{
    [Queue(QueueNames.High)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 20, 60])]
    Task FireAsync(Guid workflowId, CancellationToken cancellationToken);
}
