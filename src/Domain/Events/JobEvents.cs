using System.Text.Json.Serialization;

namespace AutoMl.Domain.Events;

/// <summary>A job was admitted: its credits are held and it waits on <paramref name="Queue"/>.</summary>
/// <remarks>kind: "train", "predict" or "evaluate" (an evaluation names its model and rows). budgetSeconds: The training budget; null for a batch prediction.</remarks>
public sealed record JobQueued(string Queue, long HeldCredits, int? BudgetSeconds, string Kind) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.JobQueued;
}

/// <summary>A worker started the job (attempt 1, or a later one after a failure of ours).</summary>
public sealed record JobStarted(int Attempts, int BudgetSeconds) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.JobStarted;
}

/// <summary>One trial of the search finished.</summary>
/// <remarks>n: The trial's number, from 1. params: The learner's hyper-parameters.</remarks>
public sealed record TrialCompleted(
    int N, string Learner, IReadOnlyDictionary<string, double> Params, double Score, double Seconds, double ElapsedSeconds,
    double BestScore, int BestTrial) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.TrialCompleted;
}

/// <summary>How far the job is through its budget.</summary>
/// <remarks>progress: 0 to 1 (never 1 before the job succeeds).</remarks>
public sealed record JobProgress(double Progress, double EtaSeconds, double BestScore, int Trials) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.JobProgress;
}

/// <summary>
/// The job succeeded. A training job names its model, score and trials; a batch prediction its rows and result url.
/// </summary>
/// <remarks>kind: "train" or "predict". released: Credits of the hold given back (training uses only the time it took).</remarks>
public sealed record JobSucceeded(
    string Kind, long ChargedCredits, long Released, Guid? ModelId = null, double? Score = null, string? Metric = null,
    int? Trials = null, long? Rows = null, string? Result = null) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.JobSucceeded;
}

/// <summary>The job failed; a failure is never charged.</summary>
public sealed record JobFailed(string Error, long ChargedCredits) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.JobFailed;
}

/// <summary>The job was cancelled; it is charged for the time it ran, nothing if it never started.</summary>
public sealed record JobCancelled(long ChargedCredits) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.JobCancelled;
}
