using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>A registered model's versions and aliases: list, register a trained model, move an alias, read its history.</summary>
internal static class RegisteredVersionsCommand
{
    public static Command Versions()
    {
        var name = new Argument<string>("NAME") { Description = "The registered model's name." };
        var command = new Command("versions", "List a registered model's versions, newest first, with their scores and aliases.") { name };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var versions = await Pages.ReadAsync((size, cursor) => client.RegisteredModels.ListVersionsAsync(parse.GetValue(name)!, size, cursor, ct));
            if (output.IsJson)
            {
                Output.Document(versions);
                return ExitCodes.Ok;
            }
            if (versions.Count == 0)
            {
                output.Line("No versions yet. Add one with `automl registered-models register NAME --model ID`.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("version", "model", "metric", "score", "aliases", "source", "created");
            foreach (var v in versions)
            {
                table.AddRow(v.Version.ToString(CultureInfo.InvariantCulture), v.ModelId.ToString(), v.Metric, v.Score.ToString("0.####", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", v.Aliases)), v.Source, RegisteredModelsCommand.Date(v.CreatedAt));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Register()
    {
        var name = new Argument<string>("NAME") { Description = "The registered model's name." };
        var model = new Option<Guid>("--model") { Description = "The trained model's id (from `automl train` or `automl models list`).", Required = true };
        var description = new Option<string?>("--description") { Description = "What changed in this version." };
        var command = new Command("register", "Add a trained model as the registered model's next version; no alias moves.") { name, model, description };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var version = await client.RegisteredModels.AddVersionAsync(parse.GetValue(name)!, parse.GetValue(model), parse.GetValue(description), ct);
            if (output.IsJson)
            {
                Output.Document(version);
            }
            else
            {
                output.Line(Markup.Escape($"{parse.GetValue(name)} version {version.Version} is model {version.ModelId} ({version.Metric} {version.Score.ToString("0.####", CultureInfo.InvariantCulture)})"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Alias()
    {
        var name = new Argument<string>("NAME") { Description = "The registered model's name." };
        var alias = new Argument<string>("ALIAS") { Description = "The alias, e.g. production or staging." };
        var version = new Option<int>("--version") { Description = "The version the alias is to name.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, as the alias's history shows it.", Required = true };
        var command = new Command("alias", "Point an alias at a version; endpoints serving it answer with that version from their next request.") { name, alias, version, reason };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var moved = await client.RegisteredModels.MoveAliasAsync(parse.GetValue(name)!, parse.GetValue(alias)!, parse.GetValue(version), parse.GetValue(reason)!, ct);
            if (output.IsJson)
            {
                Output.Document(moved);
            }
            else
            {
                output.Line(Markup.Escape($"{parse.GetValue(name)} {moved.Alias} → version {moved.Version}"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command History()
    {
        var name = new Argument<string>("NAME") { Description = "The registered model's name." };
        var alias = new Argument<string>("ALIAS") { Description = "The alias." };
        var command = new Command("history", "Show an alias's moves, latest first: from and to which version, who moved it and why.") { name, alias };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var moves = await Pages.ReadAsync((size, cursor) => client.RegisteredModels.GetAliasHistoryAsync(parse.GetValue(name)!, parse.GetValue(alias)!, size, cursor, ct));
            if (output.IsJson)
            {
                Output.Document(moves);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("at", "from", "to", "by", "reason");
            foreach (var m in moves)
            {
                table.AddRow(RegisteredModelsCommand.Date(m.At), Version(m.FromVersion), Version(m.ToVersion), Markup.Escape(m.Actor), Markup.Escape(m.Reason));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Version(int? version) => version is { } v ? $"v{v}" : "–";
}
