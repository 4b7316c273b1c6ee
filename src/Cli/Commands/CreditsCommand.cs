using System.CommandLine;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class CreditsCommand
{
    public static Command Create()
    {
        var command = new Command("credits", "Show the account's credits: balance, held by running jobs, available.");
        command.SetAction(CliRunner.WithClient(async (client, output, _, ct) =>
        {
            var credits = await client.Credits.GetBalanceAsync(ct);
            if (output.IsJson)
            {
                Output.Document(credits);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("balance", "held", "available", "owed");
            table.AddRow($"{credits.Balance}", $"{credits.Held}", $"[bold]{credits.Available}[/]", $"{credits.Owed}");
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
