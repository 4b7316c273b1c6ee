using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl registered-models`: named lines of models; versions and aliases are in <see cref="RegisteredVersionsCommand"/>.</summary>
internal static class RegisteredModelsCommand
{
    public static Command Create() => new("registered-models", "Name a line of models: numbered versions, aliases (production, staging…) moved with a reason.")
    {
        List(), CreateCommand(), Show(), RegisteredModelsUpdateCommand.Create(),
        DeleteCommand.Create("registered model", "Delete a registered model with its versions and aliases; the trained models stay. Refused while an endpoint serves it. Needs a full-scope key.",
            (client, name, ct) => client.RegisteredModels.DeleteAsync(name, ct)),
        RegisteredVersionsCommand.Versions(), RegisteredVersionsCommand.Register(),
        RegisteredVersionsCommand.Alias(), RegisteredVersionsCommand.History(),
    };

    public static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Aliases(IReadOnlyDictionary<string, int> aliases) =>
        aliases.Count == 0 ? "–" : string.Join(", ", aliases.Select(a => $"{a.Key}→v{a.Value}"));

    private static Command List()
    {
        var search = new Option<string?>("--search") { Description = "Only those whose name contains this text, or with this tag." };
        var command = new Command("list", "List your registered models: task, target, latest version, aliases, endpoints.") { search };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var models = await Pages.ReadAsync((size, cursor) => client.RegisteredModels.ListAsync(parse.GetValue(search), size, cursor, ct));
            if (output.IsJson)
            {
                Output.Document(models);
                return ExitCodes.Ok;
            }
            if (models.Count == 0)
            {
                output.Line("No registered models yet. Create one with `automl registered-models create NAME`.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("name").NoWrap()).AddColumns("task", "target", "latest", "aliases", "endpoints", "updated");
            foreach (var m in models)
            {
                table.AddRow(Markup.Escape(m.Name), m.Task ?? "–", Markup.Escape(m.Target ?? "–"), m.LatestVersion.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(Aliases(m.Aliases)), Markup.Escape(string.Join(", ", m.Endpoints)), Date(m.UpdatedAt));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateCommand()
    {
        var name = new Argument<string>("NAME") { Description = "Lower-case letters, digits and dashes, starting with a letter; it never changes." };
        var description = new Option<string?>("--description") { Description = "What it is for." };
        var tags = new Option<string[]>("--tag") { Description = "A tag; repeat for more.", AllowMultipleArgumentsPerToken = true };
        var task = new Option<string?>("--task") { Description = "binary, multiclass or regression. Default: the first version's." };
        task.AcceptOnlyFromAmong("binary", "multiclass", "regression");
        var target = new Option<string?>("--target") { Description = "The column its versions predict. Default: the first version's." };
        var command = new Command("create", "Create a registered model; add versions with `register` or `automl train --register NAME`.") { name, description, tags, task, target };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var created = await client.RegisteredModels.CreateAsync(new NewRegisteredModel
            {
                Name = parse.GetValue(name)!,
                Description = parse.GetValue(description),
                Tags = parse.GetValue(tags) is { Length: > 0 } t ? t : null,
                Task = parse.GetValue(task),
                Target = parse.GetValue(target),
            }, ct);
            if (output.IsJson)
            {
                Output.Document(created);
            }
            else
            {
                output.Line($"registered model [green]{Markup.Escape(created.Name)}[/] created");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME") { Description = "The registered model's name." };
        var command = new Command("show", "Show a registered model: what it predicts, its aliases, versions and endpoints.") { name };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var model = await client.RegisteredModels.GetAsync(parse.GetValue(name)!, ct);
            if (output.IsJson)
            {
                Output.Document(model);
                return ExitCodes.Ok;
            }
            output.Line($"[bold]{Markup.Escape(model.Name)}[/]{(model.Description is { } d ? ": " + Markup.Escape(d) : string.Empty)}");
            output.Line(Markup.Escape($"predicts {model.Target ?? "(set by the first version)"} ({model.Task ?? "task not set yet"}); {model.LatestVersion} version(s); created {Date(model.CreatedAt)}"));
            output.Line(Markup.Escape($"aliases: {Aliases(model.Aliases)}"));
            output.Line(Markup.Escape($"endpoints: {(model.Endpoints.Count == 0 ? "none" : string.Join(", ", model.Endpoints))}"));
            if (model.Tags.Count > 0)
            {
                output.Line(Markup.Escape($"tags: {string.Join(", ", model.Tags)}"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
