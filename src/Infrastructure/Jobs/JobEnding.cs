using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using Microsoft.EntityFrameworkCore.Query;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>How one job ends: the transition it takes, what it is charged of its hold, and the event that tells the client.</summary>
public sealed record JobEnding(JobTransition Transition, long Charged, string LedgerReference, PlatformEvent Event)
{
    public JobStatus Status => Transition.To;

    /// <summary>Further columns the ending sets, beside status, charge, lease and finish time.</summary>
    public Action<UpdateSettersBuilder<Job>>? Set { get; init; }

    /// <summary>Work inside the same transaction before the job's row changes (a training job's model row).</summary>
    public Func<CancellationToken, Task>? First { get; init; }
}
