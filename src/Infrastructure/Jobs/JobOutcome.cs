using AutoMl.Infrastructure.Models;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>
/// What a job ended with, beyond its status and charge: what <see cref="JobSettlement"/> writes in the same
/// transaction as the status change.
/// </summary>
public abstract record JobOutcome
{
    private JobOutcome()
    {
    }

    /// <summary>Training produced <paramref name="Model"/>; its row is inserted and the job points at it.</summary>
    public sealed record ModelTrained(Model Model, int Trials) : JobOutcome;

    /// <summary>A batch prediction stored its CSV under <paramref name="ResultKey"/>.</summary>
    public sealed record PredictionsReady(string ResultKey) : JobOutcome;

    /// <summary>An evaluation scored <paramref name="Rows"/> rows; its row records the metrics and curves (JSON).</summary>
    public sealed record EvaluationReady(long Rows, string MetricsJson, string CurvesJson) : JobOutcome;

    /// <summary>The job failed; <paramref name="Error"/> is what its owner reads.</summary>
    public sealed record Failed(string Error) : JobOutcome
    {
        /// <summary>The error column's length.</summary>
        public const int MaxLength = 2000;

        public string Stored => Error.Length > MaxLength ? Error[..MaxLength] : Error;
    }

    /// <summary>The job was cancelled: by its owner, or because the account is being deleted.</summary>
    public sealed record Cancelled : JobOutcome;
}
