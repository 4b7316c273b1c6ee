using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl datasets versions ID`: a data set's versions with what changed in their columns.</summary>
internal static class DatasetVersionsCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("ID") { Description = "The id of any version of the data set." };
        var command = new Command("versions", "List a data set's versions, newest first, with their columns added, removed and retyped.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var versions = await Pages.ReadAsync((size, cursor) => client.Datasets.ListVersionsAsync(parse.GetValue(id), size, cursor, ct));
            if (output.IsJson)
            {
                Output.Document(versions);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("version", "id", "status", "rows", "created", "schema changes");
            foreach (var v in versions)
            {
                table.AddRow(v.Version.ToString(CultureInfo.InvariantCulture), v.Id.ToString(), v.Status,
                    v.Rows?.ToString(CultureInfo.InvariantCulture) ?? "-", RegisteredModelsCommand.Date(v.CreatedAt),
                    Markup.Escape(v.SchemaChanges is { } changes ? Describe(changes) : "-"));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>One line a person reads: what changed since which version.</summary>
    public static string Describe(SchemaChanges changes)
    {
        var parts = changes.Added.Select(c => $"+{c.Name} ({c.Type})")
            .Concat(changes.Removed.Select(c => $"-{c.Name} ({c.Type})"))
            .Concat(changes.Retyped.Select(c => $"{c.Name} {c.From}→{c.To}"))
            .ToList();
        return parts.Count == 0
            ? $"same columns as version {changes.ComparedWithVersion}"
            : $"since version {changes.ComparedWithVersion}: {string.Join(", ", parts)}";
    }
}
