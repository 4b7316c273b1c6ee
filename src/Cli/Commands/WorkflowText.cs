using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>How a workflow and a run read as text: the lines `workflows show`, `create`, `run` and `approve` print.</summary>
internal static class WorkflowText
{
    public static void Workflow(Output output, Workflow w)
    {
        output.Line($"[bold]{Markup.Escape(w.Name)}[/] ({w.Id}){(w.Paused ? " [yellow]paused[/]" : string.Empty)}");
        var excluded = w.ExcludedColumns.Count == 0 ? string.Empty : $", without {string.Join(", ", w.ExcludedColumns)}";
        output.Line(Markup.Escape($"trains {w.Target} ({w.Task ?? "task inferred"}, {w.Metric ?? "the task's metric"}) on {w.DatasetName}, newest version {w.LatestDatasetVersion}{excluded}; {w.BudgetSeconds} s per run"));
        var holdout = w.TimeColumn is { } column ? $"the newest rows by {column}" : "a stratified holdout";
        output.Line(Markup.Escape($"candidates become versions of {w.RegisteredModel}; policy {w.Policy}, margin {F(w.Margin)}, compared on {holdout}"));
        output.Line(Markup.Escape($"guardrails: {GuardrailOption.Describe(w.Guardrails)}"));
        output.Line(Markup.Escape($"credits: at most {w.RunCreditCap} per run and {w.MonthlyCreditCap} a month; {w.CreditsThisMonth} used this month"));
        output.Line(Markup.Escape($"runs on: {Triggers(w)}"));
        if (w.LastRun is { } run)
        {
            output.Line($"last run: {LastRun(run)}{(run.Reason is { } reason ? ": " + Markup.Escape(reason) : string.Empty)}");
        }
    }

    /// <summary>What starts its runs besides run now, in a table cell.</summary>
    public static string TriggersBrief(Workflow w)
    {
        List<string> triggers = [];
        if (w.Schedule is { } schedule)
        {
            triggers.Add($"cron \"{schedule.Cron}\" {schedule.TimeZone ?? "UTC"}");
        }
        if (w.OnNewVersion)
        {
            triggers.Add("new versions");
        }
        return (triggers.Count == 0 ? "run now only" : string.Join(" + ", triggers)) + (w.Paused ? " (paused)" : string.Empty);
    }

    /// <summary>What starts its runs, in a few words.</summary>
    public static string Triggers(Workflow w)
    {
        List<string> triggers = ["run now"];
        if (w.Schedule is { } schedule)
        {
            var next = w.NextRunAt is { } at ? $", next {RegisteredModelsCommand.Date(at)} UTC" : string.Empty;
            triggers.Add($"cron \"{schedule.Cron}\" {schedule.TimeZone ?? "UTC"}{next}");
        }
        if (w.OnNewVersion)
        {
            triggers.Add($"new data set versions (after {w.DebounceSeconds} s quiet)");
        }
        return string.Join("; ", triggers) + (w.Paused ? " (paused)" : string.Empty);
    }

    /// <summary>A run's status in colour with when it started, or "never" (markup).</summary>
    public static string LastRun(WorkflowRun? run) =>
        run is null ? "never" : $"{Status(run.Status)} {RegisteredModelsCommand.Date(run.CreatedAt)}";

    /// <summary>A run's status in colour (markup).</summary>
    public static string Status(string status) => status switch
    {
        WorkflowRunStatuses.Promoted => $"[green]{status}[/]",
        WorkflowRunStatuses.AwaitingApproval => $"[blue]{status}[/]",
        WorkflowRunStatuses.NotPromoted or WorkflowRunStatuses.Skipped => $"[yellow]{status}[/]",
        WorkflowRunStatuses.Failed or WorkflowRunStatuses.Rejected => $"[red]{status}[/]",
        _ => Markup.Escape(status),
    };

    /// <summary>The run in a line, and its reason.</summary>
    public static void Run(Output output, WorkflowRun run)
    {
        var version = run.DatasetVersion is { } v ? $"data set version {v}" : "no data set version";
        var job = run.JobId is { } id ? $"job {id}" : "no job";
        output.Line($"run [bold]{run.Id}[/] {Status(run.Status)} ({Markup.Escape($"{run.Trigger}; {version}; {job}; {run.CreditsUsed} credits")})");
        if (run.Reason is { } reason)
        {
            output.Line(Markup.Escape($"reason: {reason}"));
        }
    }

    /// <summary>What the run decided and why: the versions, the held-out rows, the gain, the guardrails and the reasons.</summary>
    public static void Decision(Output output, WorkflowRun run)
    {
        var metric = run.Metric ?? run.Report?.Metric ?? "score";
        var candidate = run.CandidateVersion is { } c ? $"v{c}" : "not registered";
        output.Line(Markup.Escape($"candidate: {candidate}, {metric} {F(run.CandidateScore)}"));
        output.Line(Markup.Escape(run.ChampionVersion is { } champion
            ? $"champion: v{champion}, {metric} {F(run.ChampionScore)}"
            : "champion: none (no version held production)"));
        if (run.Status == WorkflowRunStatuses.Promoted && run.CandidateVersion is { } promoted)
        {
            output.Line($"[green]v{promoted} now holds production[/]");
        }
        else if (run.Status == WorkflowRunStatuses.AwaitingApproval)
        {
            output.Line(Markup.Escape($"awaiting approval: `automl workflows approve {run.WorkflowId} {run.Id}` or `automl workflows reject {run.WorkflowId} {run.Id} --reason …`"));
        }
        if (run.Report is not { } report)
        {
            return;
        }
        if (report.Holdout is { } holdout)
        {
            var description = holdout.Description is { } d ? $": {d}" : string.Empty;
            output.Line(Markup.Escape($"held out: {holdout.Rows} rows, {holdout.ScoredRows} scored ({holdout.Method}; the candidate trained on {holdout.TrainRows}){description}"));
        }
        if (report.Gain is { } gain)
        {
            output.Line(Markup.Escape($"gain: {F(gain.Value)} (95% interval {F(gain.Lower)} to {F(gain.Upper)}), margin {F(report.Margin)}"));
        }
        if (report.Guardrails.Count > 0)
        {
            var table = new Table().AddColumns("guardrail", "candidate", "champion", "drop", "tolerance", "holds");
            foreach (var g in report.Guardrails)
            {
                table.AddRow(Markup.Escape(g.Metric), F(g.Candidate), F(g.Champion), F(g.Drop), F(g.Tolerance), g.Holds ? "[green]yes[/]" : "[red]no[/]");
            }
            Output.Table(table);
        }
        if (report.Reasons.Count > 0)
        {
            output.Line("reasons:");
            foreach (var reason in report.Reasons)
            {
                output.Line(Markup.Escape($"  - {reason}"));
            }
        }
    }

    public static string F(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "–";
}
