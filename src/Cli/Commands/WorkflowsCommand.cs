using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>
/// `automl workflows`: saved training recipes that re-run and promote a better model. Creating one is in
/// <see cref="WorkflowsCreateCommand"/>, its runs in <see cref="WorkflowRunsCommand"/>, the text both print in <see cref="WorkflowText"/>.
/// </summary>
internal static class WorkflowsCommand
{
    public static Command Create() => new("workflows", "Re-train a saved recipe now, on a schedule or on a new data set version, and promote the candidate when it beats production.")
    {
        List(), WorkflowsCreateCommand.Create(), Show(),
        Change("pause", "Pause a workflow: nothing starts a run (its schedule, a new data set version, `workflows run`) until it is resumed.", (client, id, ct) => client.Workflows.PauseAsync(id, ct)),
        Change("resume", "Resume a paused workflow.", (client, id, ct) => client.Workflows.ResumeAsync(id, ct)),
        Delete(),
        WorkflowRunsCommand.Run(), WorkflowRunsCommand.Runs(), WorkflowRunsCommand.Approve(), WorkflowRunsCommand.Reject(),
    };

    public static Argument<Guid> WorkflowId() => new("ID") { Description = "The workflow's id (from `automl workflows list`)." };

    private static Command List()
    {
        var command = new Command("list", "List your workflows: what they train, into which registered model, when they run and how their last run ended.");
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var workflows = await Pages.ReadAsync((size, cursor) => client.Workflows.ListAsync(size, cursor, ct));
            if (output.IsJson)
            {
                Output.Document(workflows);
                return ExitCodes.Ok;
            }
            if (workflows.Count == 0)
            {
                output.Line("No workflows yet. Create one with `automl workflows create --from-job JOB --name NAME --registered-model MODEL`.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("id").NoWrap()).AddColumns("name", "data set", "target", "registered model", "policy", "runs on", "last run");
            foreach (var w in workflows)
            {
                table.AddRow(w.Id.ToString(), Markup.Escape(w.Name), Markup.Escape($"{w.DatasetName} (v{w.LatestDatasetVersion})"), Markup.Escape(w.Target),
                    Markup.Escape(w.RegisteredModel), w.Policy, Markup.Escape(WorkflowText.TriggersBrief(w)), WorkflowText.LastRun(w.LastRun));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = WorkflowId();
        var command = new Command("show", "Show a workflow: what it trains, its policy, guardrails, caps and triggers, and its last run.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var workflow = await client.Workflows.GetAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(workflow);
                return ExitCodes.Ok;
            }
            WorkflowText.Workflow(output, workflow);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Change(string name, string description, Func<AutoMlClient, Guid, CancellationToken, Task<Workflow>> change)
    {
        var id = WorkflowId();
        var command = new Command(name, description) { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var workflow = await change(client, parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(workflow);
                return ExitCodes.Ok;
            }
            output.Line($"workflow [green]{Markup.Escape(workflow.Name)}[/] {(workflow.Paused ? "paused" : "active")}");
            output.Line(Markup.Escape($"runs on: {WorkflowText.Triggers(workflow)}"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Delete()
    {
        var id = WorkflowId();
        var command = new Command("delete", "Delete a workflow: nothing starts its runs any more; the registered model, its versions and the trained models stay. Needs a full-scope key.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var deleted = parse.GetValue(id);
            await client.Workflows.DeleteAsync(deleted, ct);
            if (output.IsJson)
            {
                Output.Document(new { deleted });
            }
            else
            {
                output.Line($"workflow [green]{deleted}[/] deleted");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
