using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl ops alerts|reconciliation`: the platform's health, for admins (an admin's API key).</summary>
internal static class OpsCommand
{
    private static readonly string[] Statuses = ["open", "cleared", "all"];

    public static Command Create() => new("ops", "For admins: the platform's alerts and the ledger reconciliation's last result (needs an admin's API key).")
    {
        Alerts(),
        Reconciliation(),
    };

    private static Command Alerts()
    {
        var status = new Option<string>("--status") { Description = "open (still firing), cleared or all.", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong(Statuses);
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit is a number from 1 up.");
            }
        });
        var command = new Command("alerts", "List the platform's alerts, newest first: the rule, its severity, what it measured against its threshold, and when the admins were told.")
        {
            status,
            limit,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var wanted = parse.GetValue(status)!;
            var alerts = await Pages.ReadAsync((size, cursor) => client.Operations.ListAlertsAsync(wanted, size, cursor, ct), parse.GetValue(limit));
            if (output.IsJson)
            {
                Output.Document(alerts);
                return ExitCodes.Ok;
            }
            if (alerts.Count == 0)
            {
                output.Line(wanted == "open" ? "No open alerts." : "No alerts.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("since").NoWrap()).AddColumns("rule", "severity", "value", "threshold", "cleared", "notified", "message");
            foreach (var a in alerts)
            {
                table.AddRow(RegisteredModelsCommand.Date(a.FirstSeenAt), Markup.Escape(a.Rule), Severity(a.Severity), Number(a.Value), Number(a.Threshold),
                    a.ClearedAt is { } cleared ? RegisteredModelsCommand.Date(cleared) : "[red]open[/]",
                    a.NotifiedAt is { } notified ? RegisteredModelsCommand.Date(notified) : "[grey]not yet[/]", Markup.Escape(a.Message));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Reconciliation()
    {
        var command = new Command("reconciliation", "Show the ledger reconciliation's last run: when, whether every balance and hold equals its entries, and the accounts that do not.");
        command.SetAction(CliRunner.WithClient(async (client, output, _, ct) =>
        {
            var run = await client.Operations.GetReconciliationAsync(ct);
            if (output.IsJson)
            {
                Output.Document(run);
                return ExitCodes.Ok;
            }
            output.Line(run.Balanced
                ? $"[green]balanced[/] at {RegisteredModelsCommand.Date(run.RanAt)}: every balance and hold equals its ledger entries"
                : $"[red]drift[/] at {RegisteredModelsCommand.Date(run.RanAt)}: {run.Drift.Count} account(s) differ from their ledger entries");
            if (run.Drift.Count > 0)
            {
                var table = new Table().AddColumns("user", "balance", "entries sum", "held", "holds sum");
                foreach (var d in run.Drift)
                {
                    table.AddRow($"{d.UserId}", $"{d.Balance}", $"{d.EntriesSum}", $"{d.Held}", $"{d.HeldSum}");
                }
                Output.Table(table);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Severity(string severity) => severity == "critical" ? "[red]critical[/]" : $"[yellow]{Markup.Escape(severity)}[/]";

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
