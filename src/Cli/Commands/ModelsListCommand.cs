using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl models list`: every model of the account as a table (or a JSON array), filtered and sorted.</summary>
internal static class ModelsListCommand
{
    public static Command Create()
    {
        var task = new Option<string?>("--task") { Description = "Only models of this task." };
        task.AcceptOnlyFromAmong("binary", "multiclass", "regression");
        var dataset = new Option<Guid?>("--dataset") { Description = "Only models trained on this data set (its id)." };
        var search = new Option<string?>("--search") { Description = "Only models whose target or data set name contains this text." };
        var sort = new Option<string>("--sort") { Description = "created (newest first), score (best first: a loss such as rmse is better low) or size (largest first).", DefaultValueFactory = _ => "created" };
        sort.AcceptOnlyFromAmong("created", "score", "size");
        var ascending = new Option<bool>("--asc") { Description = "Reverse the order: oldest, worst or smallest first." };
        var command = new Command("list", "List your models: data set, target, task, metric, score, created, size.") { task, dataset, search, sort, ascending };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var models = await Pages.ReadAsync((size, cursor) => client.Models.ListAsync(new ModelListOptions
            {
                Task = parse.GetValue(task),
                DatasetId = parse.GetValue(dataset),
                Search = parse.GetValue(search),
                Sort = Enum.Parse<ModelSort>(parse.GetValue(sort)!, ignoreCase: true),
                Ascending = parse.GetValue(ascending),
                PageSize = size,
                Cursor = cursor,
            }, ct));

            if (output.IsJson)
            {
                Output.Document(models);
                return ExitCodes.Ok;
            }
            if (models.Count == 0)
            {
                output.Line("No models yet. Train one with `automl train`.");
                return ExitCodes.Ok;
            }
            // The id stays whole (it is what `models show` takes); the other columns wrap on a narrow terminal.
            var table = new Table().AddColumn(new TableColumn("id").NoWrap()).AddColumns("data set", "target", "task", "metric", "score", "created", "size");
            foreach (var m in models)
            {
                table.AddRow(
                    m.Id.ToString(),
                    Markup.Escape(m.DatasetName ?? "(deleted)"),
                    Markup.Escape(m.Target),
                    m.Task,
                    m.Metric,
                    m.Score.ToString("0.####", CultureInfo.InvariantCulture),
                    m.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Size(m.BundleBytes));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };
}
