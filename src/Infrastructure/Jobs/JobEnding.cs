using AutoMl.Domain.Jobs;
using Microsoft.EntityFrameworkCore.Query;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>How one job ends: its final status, what it is charged of its hold, and the event that tells the client.</summary>
public sealed record JobEnding(JobStatus Status, long Charged, string LedgerReference, object EventData)
{
    /// <summary>The statuses the job may end from; another status means someone else ended it first.</summary>
    public IReadOnlyList<JobStatus> From { get; init; } = [JobStatus.Running];

    /// <summary>Further columns the ending sets, beside status, charge, lease and finish time.</summary>
    public Action<UpdateSettersBuilder<Job>>? Set { get; init; }

    /// <summary>Work inside the same transaction before the job's row changes (a training job's model row).</summary>
    public Func<CancellationToken, Task>? First { get; init; }

    public string EventType => Status switch
    {
        JobStatus.Succeeded => JobEventTypes.Succeeded,
        JobStatus.Failed => JobEventTypes.Failed,
        JobStatus.Cancelled => JobEventTypes.Cancelled,
        _ => throw new InvalidOperationException($"A job does not end {Status}."),
    };
}
