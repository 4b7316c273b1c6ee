using System.ComponentModel;

namespace AutoMl.Api.Workflows;

/// <param name="Cron">Five fields (minute hour day-of-month month day-of-week), e.g. "0 6 * * 1" for Mondays at 06:00.</param>
/// <param name="TimeZone">An IANA time zone such as Europe/Paris; UTC when left out.</param>
public sealed record WorkflowSchedule(string Cron, string? TimeZone = null);

/// <param name="Metric">A metric of the task (auc, logloss, accuracy, f1, precision, recall, macrof1, rmse, mae, r2).</param>
/// <param name="Tolerance">How much worse the candidate may be on it, in the metric's units (0 or more).</param>
public sealed record GuardrailView(string Metric, double Tolerance);

/// <summary>A new workflow. Either name a finished training job (jobId) to copy its data set and training request, or give them.</summary>
/// <param name="RegisteredModel">The registered model its candidates become versions of; created when it does not exist yet.</param>
/// <param name="Policy">automatic: promote a better candidate at once; approval: wait for approve or reject; never: only report.</param>
/// <param name="Margin">The least gain of the primary metric that counts as better (default 0.005).</param>
/// <param name="RunCreditCap">The most one run may hold (a run is refused when its price is higher).</param>
/// <param name="MonthlyCreditCap">The most this workflow's runs may use in a calendar month (UTC).</param>
/// <param name="TimeColumn">Compare on the newest rows by this column (the last 20%, at least 500 rows and 50 per class); left out, on a stratified holdout of rows the model in production never trained on.</param>
/// <param name="OnNewVersion">Run when a new version of the data set is uploaded, once per quiet period of debounceSeconds.</param>
public sealed record CreateWorkflowRequest(
    string? Name,
    [property: Description("Copy the data set, target, task, metric, budget and excluded columns of this training job.")] Guid? JobId = null,
    Guid? DatasetId = null,
    string? Target = null,
    string? Task = null,
    string? Metric = null,
    int? BudgetSeconds = null,
    IReadOnlyList<string>? ExcludedColumns = null,
    string? TimeColumn = null,
    string? RegisteredModel = null,
    string? Policy = null,
    double? Margin = null,
    IReadOnlyList<GuardrailView>? Guardrails = null,
    long? RunCreditCap = null,
    long? MonthlyCreditCap = null,
    WorkflowSchedule? Schedule = null,
    bool OnNewVersion = false,
    int? DebounceSeconds = null);

/// <summary>What may change about a workflow; a field left out stays as it is. Send clearSchedule to remove the schedule.</summary>
public sealed record UpdateWorkflowRequest(
    string? Policy = null,
    double? Margin = null,
    IReadOnlyList<GuardrailView>? Guardrails = null,
    long? RunCreditCap = null,
    long? MonthlyCreditCap = null,
    int? BudgetSeconds = null,
    WorkflowSchedule? Schedule = null,
    bool ClearSchedule = false,
    bool? OnNewVersion = null,
    int? DebounceSeconds = null,
    string? TimeColumn = null);

/// <param name="DatasetId">The data set's first version: every run trains on the newest ready version of it.</param>
/// <param name="NextRunAt">When the schedule fires next (null without a schedule or while paused).</param>
/// <param name="CreditsThisMonth">What this month's runs hold or were charged.</param>
/// <param name="LastRun">The newest run, if any.</param>
public sealed record WorkflowView(
    Guid Id,
    string Name,
    Guid DatasetId,
    string DatasetName,
    int LatestDatasetVersion,
    string Target,
    string? Task,
    string? Metric,
    int BudgetSeconds,
    IReadOnlyList<string> ExcludedColumns,
    string? TimeColumn,
    string RegisteredModel,
    string Policy,
    double Margin,
    IReadOnlyList<GuardrailView> Guardrails,
    long RunCreditCap,
    long MonthlyCreditCap,
    long CreditsThisMonth,
    WorkflowSchedule? Schedule,
    DateTimeOffset? NextRunAt,
    bool OnNewVersion,
    int DebounceSeconds,
    bool Paused,
    WorkflowRunView? LastRun,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <param name="Trigger">manual, schedule or dataset-version.</param>
/// <param name="Status">training, awaiting-approval, promoted, not-promoted, rejected, failed or skipped.</param>
/// <param name="Reason">Why it ended as it did, in a sentence.</param>
/// <param name="CandidateVersion">The registered model's version the run's model became.</param>
/// <param name="ChampionVersion">The version that held production when the run compared them.</param>
/// <param name="Report">The comparison on the held-out rows: how they were chosen, both models' metrics, the gain with its bootstrap interval, the guardrails and the reasons.</param>
public sealed record WorkflowRunView(
    Guid Id,
    Guid WorkflowId,
    string Trigger,
    DateTimeOffset? ScheduledFor,
    Guid? DatasetId,
    int? DatasetVersion,
    Guid? JobId,
    string Status,
    string? Reason,
    string? Metric,
    int? CandidateVersion,
    int? ChampionVersion,
    double? CandidateScore,
    double? ChampionScore,
    bool? Better,
    System.Text.Json.JsonElement? Report,
    string? DecidedBy,
    long CreditsUsed,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <param name="Reason">Said in the alias history (approve) or on the run (reject).</param>
public sealed record RunDecisionRequest(string? Reason = null);
