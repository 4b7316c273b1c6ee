using System.CommandLine;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class ModelsCommand
{
    public static Command Create()
    {
        var model = new Option<Guid>("--model") { Description = "The model's id (from `automl train`).", Required = true };
        var outputFile = new Option<FileInfo>("--output") { Description = "Where to write the bundle (a zip the AutoMl runtime loads).", Required = true };
        var download = new Command("download", "Download a model's bundle.") { model, outputFile };
        download.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var target = parse.GetValue(outputFile)!;
            var partial = target.FullName + ".partial";
            // Written aside and moved into place, so an interrupted download never leaves a truncated bundle under the name.
            try
            {
                await using var file = File.Create(partial);
                await client.Models.DownloadAsync(parse.GetValue(model), file, ct);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            File.Move(partial, target.FullName, overwrite: true);
            var bytes = new FileInfo(target.FullName).Length;
            if (output.IsJson)
            {
                Output.Document(new { model = parse.GetValue(model), output = target.FullName, bytes });
            }
            else
            {
                output.Line($"{bytes} bytes written to {Markup.Escape(target.FullName)}");
            }
            return ExitCodes.Ok;
        }));
        return new Command("models", "Work with trained models.") { ModelsListCommand.Create(), ModelsShowCommand.Create(), ModelsThresholdCommand.Create(), download };
    }
}
