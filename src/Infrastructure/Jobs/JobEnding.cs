using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>
/// How one job ends: the transition it takes, what it is charged of its hold, the event that tells the client, and the
/// outcome its row records.
/// </summary>
public sealed record JobEnding(JobTransition Transition, long Charged, string LedgerReference, PlatformEvent Event, JobOutcome Outcome)
{
    public JobStatus Status => Transition.To;

    /// <summary>Whether <see cref="Outcome"/> is one <see cref="Transition"/> can record.</summary>
    public bool IsConsistent => Outcome switch
    {
        JobOutcome.ModelTrained or JobOutcome.PredictionsReady or JobOutcome.EvaluationReady => Transition == JobLifecycle.Succeed,
        JobOutcome.Failed => Transition == JobLifecycle.Fail,
        JobOutcome.Cancelled => Transition.To == JobLifecycle.CancelRunning.To,
        _ => false,
    };
}
