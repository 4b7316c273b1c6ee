using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl … delete NAME`, the same for every named resource: one call, a line (or {"deleted": NAME}) when it is gone.</summary>
internal static class DeleteCommand
{
    public static Command Create(string noun, string description, Func<AutoMlClient, string, CancellationToken, Task> delete)
    {
        var name = new Argument<string>("NAME") { Description = $"The {noun}'s name." };
        var command = new Command("delete", description) { name };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var deleted = parse.GetValue(name)!;
            await delete(client, deleted, ct);
            if (output.IsJson)
            {
                Output.Document(new { deleted });
            }
            else
            {
                output.Line($"{noun} [green]{Markup.Escape(deleted)}[/] deleted");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
