namespace AutoMl.Domain.Jobs;

/// <summary>
/// A job's life, the one place that says which status may follow which. Every conditional update of a job's status
/// (in SQL, so it stays atomic) takes its "from" list from a transition here, so two writers racing for the same job
/// agree on who wins: the one whose update still finds a status of <see cref="JobTransition.From"/>.
/// </summary>
public static class JobLifecycle
{
    /// <summary>The status a job is admitted in: its row and credit hold commit together, then the enqueue.</summary>
    public const JobStatus Initial = JobStatus.Queued;

    /// <summary>A worker claims the job (queued → running with a lease); a duplicate delivery finds it no longer queued.</summary>
    public static readonly JobTransition Start = new(nameof(Start), [JobStatus.Queued], JobStatus.Running);

    /// <summary>
    /// The job goes back to the queue: its worker failed in a way that is ours and Hangfire retries, the worker shut
    /// down, or its lease lapsed because the worker died.
    /// </summary>
    public static readonly JobTransition Requeue = new(nameof(Requeue), [JobStatus.Running], JobStatus.Queued);

    /// <summary>Training or prediction finished; only the worker that holds the job can report it.</summary>
    public static readonly JobTransition Succeed = new(nameof(Succeed), [JobStatus.Running], JobStatus.Succeeded);

    /// <summary>
    /// The job ends failed and is refunded: a data problem, a failure of ours after the last attempt, or a job whose
    /// worker died too often. A queued job can fail too (Hangfire gave up between two attempts).
    /// </summary>
    public static readonly JobTransition Fail = new(nameof(Fail), [JobStatus.Queued, JobStatus.Running], JobStatus.Failed);

    /// <summary>The user cancels a job no worker has started: nothing ran, nothing is charged.</summary>
    public static readonly JobTransition CancelQueued = new(nameof(CancelQueued), [JobStatus.Queued], JobStatus.Cancelled);

    /// <summary>The worker running a job stops on the user's cancel request, or the dispatcher ends one whose worker died.</summary>
    public static readonly JobTransition CancelRunning = new(nameof(CancelRunning), [JobStatus.Running], JobStatus.Cancelled);

    /// <summary>Whatever its live status, the job ends now: the account is being deleted.</summary>
    public static readonly JobTransition Abandon = new(nameof(Abandon), [JobStatus.Queued, JobStatus.Running], JobStatus.Cancelled);

    public static IReadOnlyList<JobTransition> Transitions { get; } = [Start, Requeue, Succeed, Fail, CancelQueued, CancelRunning, Abandon];

    /// <summary>Statuses a job can still leave: it holds credits and may take a worker.</summary>
    public static IReadOnlyList<JobStatus> Live { get; } = [JobStatus.Queued, JobStatus.Running];

    /// <summary>Statuses a job never leaves: its hold is settled.</summary>
    public static IReadOnlyList<JobStatus> Terminal { get; } = [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled];

    /// <summary>The status that takes one of the user's concurrent-job slots and must renew its lease.</summary>
    public const JobStatus Occupying = JobStatus.Running;

    /// <summary>The status a worker may claim, and the dispatcher re-enqueues when Hangfire lost it.</summary>
    public const JobStatus Waiting = JobStatus.Queued;

    public static bool IsLive(this JobStatus status) => Live.Contains(status);

    public static bool IsTerminal(this JobStatus status) => Terminal.Contains(status);

    /// <summary>Only a succeeded job has a model or a prediction file to read.</summary>
    public static bool HasResult(this JobStatus status) => status == JobStatus.Succeeded;

    public static bool CanMove(JobStatus from, JobStatus to) => Transitions.Any(t => t.To == to && t.From.Contains(from));

    /// <summary>The transition a user's cancel takes from a status, or null when the job already ended.</summary>
    public static JobTransition? CancelFrom(JobStatus status) => status switch
    {
        JobStatus.Queued => CancelQueued,
        JobStatus.Running => CancelRunning,
        _ => null,
    };
}

/// <summary>One allowed change of a job's status: from any of <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record JobTransition(string Name, IReadOnlyList<JobStatus> From, JobStatus To)
{
    /// <summary>The "from" list as an array, for a conditional update's <c>from.Contains(j.Status)</c>.</summary>
    public JobStatus[] FromArray => [.. From];

    public bool Allows(JobStatus from) => From.Contains(from);

    public bool Ends => To.IsTerminal();
}
