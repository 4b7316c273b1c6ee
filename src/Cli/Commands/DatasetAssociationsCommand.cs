using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl datasets associations ID`: the column pairs that go together most strongly, strongest first.</summary>
internal static class DatasetAssociationsCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("ID") { Description = "The data set's id." };
        var top = new Option<int>("--top") { Description = "How many pairs to show, strongest first.", DefaultValueFactory = _ => 20 };
        var command = new Command("associations", "Show how strongly the data set's columns go together: Pearson and Spearman (numbers), Cramér's V (categories), eta (a number and a category).") { id, top };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var associations = await client.Datasets.GetAssociationsAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(associations);
                return ExitCodes.Ok;
            }
            if (associations.Pairs.Count == 0)
            {
                output.Line("No pair of columns to compare: associations need two numeric or categorical columns that vary.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("column", "column", "measure", "value");
            foreach (var pair in associations.Pairs.OrderByDescending(p => Math.Abs(p.Value)).Take(Math.Max(1, parse.GetValue(top))))
            {
                table.AddRow(Markup.Escape(pair.A), Markup.Escape(pair.B), Markup.Escape(pair.Measure), pair.Value.ToString("0.000", CultureInfo.InvariantCulture));
            }
            Output.Table(table);
            output.Line(Markup.Escape($"{associations.Pairs.Count} measures among {associations.Columns.Count} columns: {string.Join(", ", associations.Columns)}."));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
