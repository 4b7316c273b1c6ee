using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>A workflow's runs: run now (and wait for the decision), list them, approve or reject a candidate awaiting approval.</summary>
internal static class WorkflowRunsCommand
{
    public static Command Run()
    {
        var id = WorkflowsCommand.WorkflowId();
        var wait = new Option<bool>("--wait") { Description = "Wait until the run leaves training, then print its decision and reasons; exit 6 when it failed." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds (exit 1; the run goes on).", DefaultValueFactory = _ => 3600, HelpName = "SECONDS" };
        var command = new Command("run", "Run a workflow now on the newest ready version of its data set; exit 9 when a credit cap or the data skips it.") { id, wait, timeout };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var workflowId = parse.GetValue(id);
            var run = await client.Workflows.RunAsync(workflowId, ct);
            if (run.IsTraining && parse.GetValue(wait))
            {
                WorkflowText.Run(output, run);
                var limit = TimeSpan.FromSeconds(parse.GetValue(timeout));
                try
                {
                    run = output.ShowsProgress
                        ? await AnsiConsole.Status().StartAsync("training the candidate…", _ => client.Workflows.WaitForRunAsync(workflowId, run.Id, limit, ct))
                        : await client.Workflows.WaitForRunAsync(workflowId, run.Id, limit, ct);
                }
                catch (TimeoutException e)
                {
                    return output.Fail(ExitCodes.Error, "Still training", $"{e.Message} Follow it with `automl workflows runs {workflowId}`.", run);
                }
            }
            return Ended(output, run, detailed: parse.GetValue(wait));
        }));
        return command;
    }

    public static Command Runs()
    {
        var id = WorkflowsCommand.WorkflowId();
        var limit = new Option<int>("--limit") { Description = "At most this many runs, newest first.", DefaultValueFactory = _ => 50 };
        var command = new Command("runs", "List a workflow's runs, newest first: trigger, status, candidate and champion versions and scores, credits.") { id, limit };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var runs = await Pages.ReadAsync((size, cursor) => client.Workflows.ListRunsAsync(parse.GetValue(id), size, cursor, ct), Math.Max(1, parse.GetValue(limit)));
            if (output.IsJson)
            {
                Output.Document(runs);
                return ExitCodes.Ok;
            }
            if (runs.Count == 0)
            {
                output.Line(Markup.Escape($"No runs yet. Start one with `automl workflows run {parse.GetValue(id)} --wait`."));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("run").NoWrap()).AddColumns("started", "trigger", "data", "status", "metric", "candidate", "champion", "credits", "reason");
            foreach (var r in runs)
            {
                table.AddRow(r.Id.ToString(), RegisteredModelsCommand.Date(r.CreatedAt), r.Trigger, r.DatasetVersion is { } v ? $"v{v}" : "–", WorkflowText.Status(r.Status),
                    Markup.Escape(r.Metric ?? "–"), Scored(r.CandidateVersion, r.CandidateScore), Scored(r.ChampionVersion, r.ChampionScore),
                    r.CreditsUsed.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Reason ?? string.Empty));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Approve() => Decide("approve", "Promote the candidate of a run awaiting approval: production moves to its version.",
        "Why, as the alias's history shows it.", (client, id, runId, reason, ct) => client.Workflows.ApproveAsync(id, runId, reason, ct));

    public static Command Reject() => Decide("reject", "Reject the candidate of a run awaiting approval: production stays where it is.",
        "Why, as the run keeps it.", (client, id, runId, reason, ct) => client.Workflows.RejectAsync(id, runId, reason, ct));

    private static Command Decide(string name, string description, string reasonHelp, Func<AutoMlClient, Guid, Guid, string?, CancellationToken, Task<WorkflowRun>> decide)
    {
        var id = WorkflowsCommand.WorkflowId();
        var runId = new Argument<Guid>("RUN") { Description = "The run's id (from `automl workflows runs ID`)." };
        var reason = new Option<string?>("--reason") { Description = reasonHelp };
        var command = new Command(name, description) { id, runId, reason };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var run = await decide(client, parse.GetValue(id), parse.GetValue(runId), parse.GetValue(reason), ct);
            if (output.IsJson)
            {
                Output.Document(run);
                return ExitCodes.Ok;
            }
            WorkflowText.Run(output, run);
            if (run.Status == WorkflowRunStatuses.Promoted && run.CandidateVersion is { } version)
            {
                output.Line($"[green]v{version} now holds production[/]");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Prints a run that left training (or the one just started, without --wait) and picks the exit code.</summary>
    private static int Ended(Output output, WorkflowRun run, bool detailed)
    {
        var code = run.Status switch
        {
            WorkflowRunStatuses.Failed => ExitCodes.JobFailed,
            WorkflowRunStatuses.Skipped => ExitCodes.RunSkipped,
            _ => ExitCodes.Ok,
        };
        if (output.IsJson)
        {
            return code == ExitCodes.Ok ? Document(run) : output.Fail(code, $"The run {run.Status}", run.Reason, run);
        }
        if (detailed && run.Status is WorkflowRunStatuses.Promoted or WorkflowRunStatuses.NotPromoted or WorkflowRunStatuses.AwaitingApproval or WorkflowRunStatuses.Rejected)
        {
            // The report's reasons follow; without a report the run's own sentence says why.
            var why = run.Report is { Reasons.Count: > 0 } || run.Reason is null ? string.Empty : ": " + Markup.Escape(run.Reason);
            output.Line($"decision: {WorkflowText.Status(run.Status)}{why}");
            WorkflowText.Decision(output, run);
            return code;
        }
        WorkflowText.Run(output, run);
        if (run.IsTraining)
        {
            output.Line(Markup.Escape($"Follow it with `automl workflows runs {run.WorkflowId}`, or run with --wait."));
        }
        return code;
    }

    private static int Document(WorkflowRun run)
    {
        Output.Document(run);
        return ExitCodes.Ok;
    }

    private static string Scored(int? version, double? score) =>
        version is null && score is null ? "–" : $"{(version is { } v ? $"v{v}" : "–")} {WorkflowText.F(score)}";
}
