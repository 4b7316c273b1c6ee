using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class CreditsCommand
{
    public static Command Create()
    {
        var command = new Command("credits", "Show the account's credits (balance, held by running jobs, available) and its storage against the tier's quota.");
        command.SetAction(CliRunner.WithClient(async (client, output, _, ct) =>
        {
            var credits = await client.Credits.GetBalanceAsync(ct);
            var storage = await client.Datasets.GetStorageUsageAsync(ct);
            if (output.IsJson)
            {
                Output.Document(new { credits.Balance, credits.Held, credits.Available, credits.Owed, Storage = storage });
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("balance", "held", "available", "owed");
            table.AddRow($"{credits.Balance}", $"{credits.Held}", $"[bold]{credits.Available}[/]", $"{credits.Owed}");
            Output.Table(table);
            var reserved = storage.ReservedBytes > 0 ? $", {Bytes(storage.ReservedBytes)} held by uploads in progress" : "";
            output.Line($"storage: [bold]{Bytes(storage.UsedBytes)}[/] of {Bytes(storage.QuotaBytes)} used{reserved} ({storage.Tier} tier)");
            output.Line($"[grey]data sets unused for {storage.RetentionDays} days are deleted; an email comes a week before[/]");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
