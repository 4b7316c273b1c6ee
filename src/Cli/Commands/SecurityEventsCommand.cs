using System.CommandLine;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl security-events`: the audit trail's rows about your account, newest first.</summary>
internal static class SecurityEventsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit is a number from 1 up.");
            }
        });
        var command = new Command("security-events", "List your account's security events, newest first: sign-ins and failed ones, password and email changes, API keys created and revoked, credits granted, alias moves.")
        {
            limit,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var events = await Pages.ReadAsync((size, cursor) => client.Account.ListSecurityEventsAsync(size, cursor, ct), parse.GetValue(limit));
            if (output.IsJson)
            {
                Output.Document(events);
                return ExitCodes.Ok;
            }
            if (events.Count == 0)
            {
                output.Line("No security events.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("when").NoWrap()).AddColumns("action", "outcome", "by", "from", "detail");
            foreach (var e in events)
            {
                table.AddRow(RegisteredModelsCommand.Date(e.At), Markup.Escape(e.Action), Outcome(e.Outcome), Markup.Escape(e.Actor),
                    Markup.Escape(e.Address ?? ""), Markup.Escape(e.Detail ?? ""));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Outcome(string outcome) => outcome switch
    {
        "success" => "[green]success[/]",
        "failure" => "[red]failure[/]",
        _ => $"[yellow]{Markup.Escape(outcome)}[/]",
    };
}
