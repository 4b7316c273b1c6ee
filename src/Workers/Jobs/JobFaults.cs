using System.Diagnostics;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// What a user reads when a job fails on our side: a plain sentence and a reference, never the exception's text
/// (it can name hosts, paths, keys or SQL). The exception is logged with the same reference, so support finds it.
/// </summary>
internal static class JobFaults
{
    /// <summary>The trace id of the work in progress when there is one, so the reference also finds its traces.</summary>
    public static string NewReference() => (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToString();

    public static string Retrying(string reference) =>
        $"An error on our side interrupted this job; it will be tried again (reference {reference}).";

    public static string GaveUp(int attempts, string reference) =>
        $"{GaveUpOpening} {attempts} attempts (reference {reference}). Your credits were refunded; quote the reference if you contact us.";

    public static string WorkerLost(int attempts) =>
        $"{WorkerLostOpening} {attempts} times while training it. Your credits were refunded.";

    /// <summary>How the reasons of the failures that are ours begin: the job-error-rate alert counts jobs by them.</summary>
    public static readonly string[] OurSideOpenings = [GaveUpOpening, WorkerLostOpening];

    private const string GaveUpOpening = "The job failed on our side after";
    private const string WorkerLostOpening = "The job's worker stopped";

    /// <summary>The engine's sentence (<see cref="Ml.Training.DataException"/>) is written for the user, so it is shown as it is.</summary>
    public static string DataProblem(string problem) =>
        $"Your data cannot be trained on: {problem} Your credits were refunded.";
}
