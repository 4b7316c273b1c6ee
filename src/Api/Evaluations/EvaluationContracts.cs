using System.ComponentModel.DataAnnotations;
using AutoMl.Api.Jobs;
using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Evaluations;

/// <param name="DatasetId">A ready, labelled data set of yours (any version) holding the model's target and input columns.</param>
public sealed record EvaluationRequest([property: Required(ErrorMessage = "Name the labelled data set to evaluate on (datasetId).")] Guid DatasetId);

/// <summary>What an evaluation of the data set would hold from your credits, before you pay, and whether it can run.</summary>
/// <param name="Credits">The price: per 1,000 rows, as a batch prediction.</param>
/// <param name="Rows">The data set's rows.</param>
/// <param name="Available">Your credits free to hold now.</param>
/// <param name="MissingColumns">The model's columns (its target first) the data set lacks; empty when it can be evaluated on.</param>
/// <param name="Problem">Why it cannot be evaluated on, in the words the evaluation's 422 would use; null when it can.</param>
public sealed record EvaluationQuote(long Credits, long Rows, long Available, IReadOnlyList<string> MissingColumns, string? Problem);

/// <summary>One metric on the model's validation rows and on yours.</summary>
/// <param name="Validation">The model's validation value; null when validation has none of this metric.</param>
/// <param name="Difference">Your data's value minus validation's.</param>
/// <param name="HigherIsBetter">False for a loss (rmse, mae, logLoss): there a negative difference is the better side.</param>
public sealed record EvaluationMetricRow(string Metric, double? Validation, double Evaluation, double? Difference, bool HigherIsBetter);

/// <summary>A model scored on a labelled data set of yours.</summary>
/// <param name="Status">queued, running, succeeded, failed or cancelled.</param>
/// <param name="Progress">0..1 while it runs.</param>
/// <param name="DatasetName">Null once the data set is deleted (the evaluation stays readable).</param>
/// <param name="Rows">The rows scored: those with a target value the model can be judged on.</param>
/// <param name="SkippedRows">Rows left out: no target value, or a class the model was not trained on.</param>
/// <param name="UnseenLabels">Those classes, the most frequent first (at most 20).</param>
/// <param name="Threshold">Binary: the decision threshold the labels were taken at (the model's saved one, else 0.5).</param>
/// <param name="Metrics">Every metric of the model's task on your rows.</param>
/// <param name="Comparison">Each metric beside the model's validation value (taken at the same threshold).</param>
/// <param name="Curves">The curves on your rows, shaped as the model's validation curves; null in lists (read the evaluation).</param>
public sealed record EvaluationView(
    Guid Id,
    Guid ModelId,
    Guid DatasetId,
    string? DatasetName,
    Guid JobId,
    string Status,
    double Progress,
    long? Rows,
    long? SkippedRows,
    IReadOnlyList<string>? UnseenLabels,
    double? Threshold,
    IReadOnlyDictionary<string, double>? Metrics,
    IReadOnlyList<EvaluationMetricRow>? Comparison,
    ModelCurveSet? Curves,
    string? Error,
    long HeldCredits,
    long ChargedCredits,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>202 to POST /models/{id}/evaluations: the evaluation (queued) and the job that runs it.</summary>
public sealed record EvaluationSubmitted(EvaluationView Evaluation, JobView Job);
