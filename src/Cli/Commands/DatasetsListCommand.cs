using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl datasets list` and `automl datasets show ID`: the account's data sets, and one with its columns.</summary>
internal static class DatasetsListCommand
{
    public static Command List()
    {
        var command = new Command("list", "List your data sets, newest first: name, version, status, rows, columns, size, created.");
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var datasets = new List<Dataset>();
            await foreach (var dataset in client.Datasets.ListAllAsync(Pages.Largest, ct))
            {
                datasets.Add(dataset);
            }
            if (output.IsJson)
            {
                Output.Document(datasets);
                return ExitCodes.Ok;
            }
            if (datasets.Count == 0)
            {
                output.Line("No data sets yet. Upload one with `automl datasets upload FILE`.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("id").NoWrap()).AddColumns("name", "version", "status", "rows", "columns", "size", "created");
            foreach (var d in datasets)
            {
                table.AddRow(d.Id.ToString(), Markup.Escape(d.Name), d.Version.ToString(CultureInfo.InvariantCulture), d.Status,
                    d.Rows?.ToString("N0", CultureInfo.InvariantCulture) ?? "–", d.Columns?.Count.ToString(CultureInfo.InvariantCulture) ?? "–",
                    ModelsListCommand.Size(d.SizeBytes), d.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Show()
    {
        var id = new Argument<Guid>("ID") { Description = "The data set's id (from `automl datasets list` or `automl datasets upload`)." };
        var command = new Command("show", "Show a data set: status, rows, version, the suggested target and its columns with their types, missing and distinct values.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var dataset = await client.Datasets.GetAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(dataset);
                return ExitCodes.Ok;
            }
            output.Line($"[green]{dataset.Id}[/] {Markup.Escape(dataset.Name)} version {dataset.Version} of {dataset.LatestVersion}: {dataset.Status}");
            if (dataset.Error is { } error)
            {
                output.Line($"[red]error[/]: {Markup.Escape(error)}");
            }
            if (dataset.Rows is { } rows)
            {
                output.Line(Markup.Escape($"{rows:N0} rows, {ModelsListCommand.Size(dataset.SizeBytes)}, target suggestion: {dataset.TargetSuggestion ?? "none"} ({dataset.TaskSuggestion ?? "–"})"));
            }
            if (dataset.Columns is { Count: > 0 } columns)
            {
                var table = new Table().AddColumns("column", "type", "missing", "distinct");
                foreach (var c in columns)
                {
                    table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Type), c.Missing?.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
                        c.Distinct?.ToString("N0", CultureInfo.InvariantCulture) ?? "–");
                }
                Output.Table(table);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
