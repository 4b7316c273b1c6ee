using System.ComponentModel.DataAnnotations;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;

namespace AutoMl.Api.Jobs;

public sealed record SubmitJobRequest(
    [property: Required(ErrorMessage = "Name the data set to train on (datasetId).")] Guid DatasetId,
    [property: Required(ErrorMessage = "Name the column to predict (target).")]
    [property: StringLength(300, MinimumLength = 1, ErrorMessage = "target is a column name of 1 to 300 characters.")]
    string Target,
    string? Task,
    string? Metric,
    [property: Range(10, 6 * 60 * 60, ErrorMessage = "budgetSeconds is from 10 to 21,600 (6 hours).")] int BudgetSeconds,
    IReadOnlyList<string>? ExcludedColumns,
    [property: System.ComponentModel.Description("Train anyway when the only objections to the data are warnings (answered as 422 with overridable: true), such as a target that looks like an identifier or free text.")]
    bool Force = false,
    [property: System.ComponentModel.Description("The name of a registered model in your account: the job's model becomes its next version when the job succeeds.")]
    string? RegisteredModel = null,
    [property: System.ComponentModel.Description("Train on this version of the data set datasetId names (any of its versions' ids); left out, the job trains on datasetId itself.")]
    [property: Range(1, int.MaxValue, ErrorMessage = "datasetVersion is a version number, 1 or more.")]
    int? DatasetVersion = null,
    [property: System.ComponentModel.Description("Columns the data checks would leave out (a suspected leak) that this job trains on anyway. Identifiers are never trained on.")]
    IReadOnlyList<string>? KeepColumns = null);

public sealed record JobView(
    Guid Id,
    JobKind Kind,
    JobStatus Status,
    string Queue,
    double Progress,
    double? EtaSeconds,
    Guid DatasetId,
    string? Target,
    string? Task,
    string? Metric,
    int BudgetSeconds,
    double? BestScore,
    int Trials,
    Guid? ModelId,
    string? Error,
    long HeldCredits,
    long ChargedCredits,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? RegisteredModel = null,
    int? RegisteredVersion = null,
    string? RegistrationProblem = null,
    [property: System.ComponentModel.Description("The version number of the data set datasetId names, the one the job trains on.")]
    int? DatasetVersion = null,
    [property: System.ComponentModel.Description("Every column the job leaves out: the request's excludedColumns and the data checks' (excludedByChecks).")]
    IReadOnlyList<string>? ExcludedColumns = null,
    [property: System.ComponentModel.Description("The columns the data checks left out (suspected leaks, identifiers); keepColumns puts a leak back.")]
    IReadOnlyList<string>? ExcludedByChecks = null);

/// <param name="ExcludedByChecks">The columns the job would leave out because the data checks flag them (suspected leaks, identifiers).</param>
/// <param name="Checks">The data checks of the data set for this target, shown before anyone pays; null for a data set ingested before checks existed.</param>
public sealed record QuoteView(long Credits, PriceBreakdown Breakdown, long Available, IReadOnlyList<string>? ExcludedByChecks = null,
    IReadOnlyList<AutoMl.Infrastructure.Datasets.DatasetCheck>? Checks = null);

public sealed record TrialView(int N, string Learner, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Params, double Score, double Seconds);

/// <param name="LoggedPredictionsPerDay">Endpoint requests logged in full per endpoint and day, monitoring included at no charge; past it one in <paramref name="SampleEveryPastCap"/> is logged (each logged row records its sample rate).</param>
/// <param name="PredictionLogRetentionDays">How long endpoint prediction logs (and the monitoring that reads them) are kept.</param>
public sealed record PricingView(string Tier, double CreditsPerMinute, long CreditsPerThousandPredictions, int MaxBudgetSeconds, int ConcurrentJobs, string Queue, string Formula,
    int LoggedPredictionsPerDay, int SampleEveryPastCap, int PredictionLogRetentionDays);
