using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl models compare A B [C D]`: two to four models' validation metrics side by side, the best of each marked.</summary>
internal static class ModelsCompareCommand
{
    public static Command Create()
    {
        var ids = new Argument<Guid[]>("ID") { Description = "Two to four model ids (from `automl models list`).", Arity = new ArgumentArity(2, 4) };
        var command = new Command("compare", "Set 2 to 4 models side by side: each validation metric with the best marked (*), and warnings when they differ in task, target or data set.") { ids };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var comparison = await client.Models.CompareAsync(parse.GetValue(ids)!, ct);
            if (output.IsJson)
            {
                Output.Document(comparison);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("metric");
            foreach (var m in comparison.Models)
            {
                table.AddColumn(Markup.Escape($"{m.Summary.Id.ToString()[..8]} {m.Summary.Target}"));
            }
            foreach (var metric in comparison.Metrics)
            {
                var cells = metric.Values.Select((v, i) => v is null ? "–" : v.Value.ToString("0.####", CultureInfo.InvariantCulture) + (metric.Best == i ? " *" : string.Empty));
                table.AddRow([Markup.Escape(metric.Metric + (metric.HigherIsBetter ? " ↑" : " ↓")), .. cells]);
            }
            Output.Table(table);
            foreach (var warning in comparison.Warnings)
            {
                output.Line($"[yellow]warning[/]: {Markup.Escape(warning)}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
