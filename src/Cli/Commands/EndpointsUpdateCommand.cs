using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl endpoints update`: what an endpoint serves from its next request on (alias, challenger) and its description.</summary>
internal static class EndpointsUpdateCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The endpoint's name." };
        var alias = new Option<string?>("--alias") { Description = "The alias to serve from the next request on." };
        var remove = new Option<bool>("--remove-challenger") { Description = "End the split or shadow." };
        var description = new Option<string?>("--description") { Description = "A new description; \"\" removes it." };
        var command = new Command("update", "Change what an endpoint serves (its alias, its challenger) or its description; callers keep the same name.")
        {
            name, alias, remove, description,
        };
        var challenger = new ChallengerOptions();
        challenger.AddTo(command);
        command.Validators.Add(result =>
        {
            var newChallenger = challenger.Given(result);
            if (newChallenger && result.GetValue(remove))
            {
                result.AddError("Give a new challenger or --remove-challenger, not both.");
            }
            else if (!newChallenger && !result.GetValue(remove) && result.GetValue(alias) is null && result.GetValue(description) is null)
            {
                result.AddError("Nothing to change: give --alias, --challenger with --percent, --shadow, --remove-challenger or --description.");
            }
        });
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var updated = await client.Endpoints.UpdateAsync(parse.GetValue(name)!, new ServingEndpointUpdate
            {
                Alias = parse.GetValue(alias),
                Challenger = challenger.Read(parse),
                RemoveChallenger = parse.GetValue(remove),
                Description = parse.GetValue(description),
            }, ct);
            if (output.IsJson)
            {
                Output.Document(updated);
            }
            else
            {
                output.Line($"endpoint [green]{Markup.Escape(updated.Name)}[/] now {Markup.Escape(EndpointsCommand.Serves(updated))}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
