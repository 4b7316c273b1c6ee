using System.CommandLine;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl datasets checks ID --target T`: what the data checks found, before training on that target.</summary>
internal static class DatasetChecksCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("ID") { Description = "The data set's id." };
        var target = new Option<string>("--target") { Description = "The column you would predict.", Required = true };
        var task = new Option<string?>("--task") { Description = "binary, multiclass or regression. Default: the one training would infer." };
        var command = new Command("checks", "Show the data checks for a target: leaks, identifiers, constants, missing values, repeats, imbalance; and what training leaves out.") { id, target, task };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var checks = await client.Datasets.GetChecksAsync(parse.GetValue(id), parse.GetValue(target)!, parse.GetValue(task), ct);
            if (output.IsJson)
            {
                Output.Document(checks);
                return ExitCodes.Ok;
            }
            if (checks.Checks.Count == 0)
            {
                output.Line(Markup.Escape($"No findings for '{checks.Target}' ({checks.Task})."));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("severity", "check", "columns", "finding", "what to do");
            foreach (var c in checks.Checks.OrderByDescending(c => Rank(c.Severity)))
            {
                table.AddRow(Severity(c.Severity), Markup.Escape(c.Code), Markup.Escape(string.Join(", ", c.Columns)), Markup.Escape(c.Message), Markup.Escape(c.Action));
            }
            Output.Table(table);
            output.Line(Markup.Escape(checks.ExcludedByDefault.Count == 0
                ? "Training leaves no column out."
                : $"Training leaves out: {string.Join(", ", checks.ExcludedByDefault)} (`automl train --keep-column NAME` puts a suspected leak back)."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int Rank(string severity) => severity switch { "critical" => 2, "warning" => 1, _ => 0 };

    private static string Severity(string severity) => severity switch
    {
        "critical" => "[red]critical[/]",
        "warning" => "[yellow]warning[/]",
        _ => Markup.Escape(severity),
    };
}
