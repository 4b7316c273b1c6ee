using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl registered-models update`: a registered model's description and tags (its name never changes).</summary>
internal static class RegisteredModelsUpdateCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The registered model's name." };
        var description = new Option<string?>("--description") { Description = "A new description; \"\" removes it." };
        var tags = new Option<string[]>("--tag") { Description = "A tag; repeat for more. Replaces all the tags it has.", AllowMultipleArgumentsPerToken = true };
        var noTags = new Option<bool>("--no-tags") { Description = "Remove all its tags." };
        var command = new Command("update", "Change a registered model's description or tags.") { name, description, tags, noTags };
        command.Validators.Add(result =>
        {
            var tagged = result.GetValue(tags) is { Length: > 0 };
            if (tagged && result.GetValue(noTags))
            {
                result.AddError("Give --tag or --no-tags, not both.");
            }
            else if (!tagged && !result.GetValue(noTags) && result.GetValue(description) is null)
            {
                result.AddError("Nothing to change: give --description, --tag or --no-tags.");
            }
        });
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var updated = await client.RegisteredModels.UpdateAsync(parse.GetValue(name)!, new RegisteredModelUpdate
            {
                Description = parse.GetValue(description),
                Tags = parse.GetValue(noTags) ? [] : parse.GetValue(tags) is { Length: > 0 } t ? t : null,
            }, ct);
            if (output.IsJson)
            {
                Output.Document(updated);
            }
            else
            {
                output.Line($"registered model [green]{Markup.Escape(updated.Name)}[/] updated");
                output.Line(Markup.Escape($"description: {updated.Description ?? "none"}; tags: {(updated.Tags.Count == 0 ? "none" : string.Join(", ", updated.Tags))}"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
