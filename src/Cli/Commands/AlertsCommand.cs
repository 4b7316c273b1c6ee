using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl alerts`: what the endpoints' monitors raised (drift, data quality), latest first.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var endpoint = new Option<string?>("--endpoint") { Description = "Only this endpoint's alerts." };
        // A broken client alerts once per window and column for as long as it runs: the latest are what matter.
        var limit = new Option<int>("--limit") { Description = "At most this many, latest first.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit is a number from 1 up.");
            }
        });
        var command = new Command("alerts", "List the alerts of your endpoints' monitors, latest first: drift over two windows, or data-quality breaks such as a missing column.")
        {
            endpoint, limit,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var alerts = await Pages.ReadAsync((size, cursor) => client.Endpoints.ListAlertsAsync(parse.GetValue(endpoint), size, cursor, ct), parse.GetValue(limit));
            if (output.IsJson)
            {
                Output.Document(alerts);
                return ExitCodes.Ok;
            }
            if (alerts.Count == 0)
            {
                output.Line("No alerts.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("raised").NoWrap()).AddColumns("endpoint", "kind", "feature", "message");
            foreach (var a in alerts)
            {
                table.AddRow(RegisteredModelsCommand.Date(a.CreatedAt), Markup.Escape(a.Endpoint), Kind(a.Kind), Markup.Escape(a.Feature), Markup.Escape(a.Message));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Kind(string kind) => kind switch
    {
        AlertKinds.Drift => "[yellow]drift[/]",
        AlertKinds.DataQuality => "[red]data_quality[/]",
        _ => Markup.Escape(kind),
    };
}
