using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class ModelsCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid?>("ID") { Description = "The model's id (from `automl models list` or `automl train`).", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<Guid?>("--model") { Description = "The model's id, as an option (the ID argument's older spelling)." };
        var format = new Option<string>("--format") { Description = "bundle (the .automl file AutoMl.Runtime loads) or onnx (one ONNX graph, featurisation included).", DefaultValueFactory = _ => "bundle" };
        format.AcceptOnlyFromAmong("bundle", "onnx");
        var outputFile = new Option<FileInfo>("--output") { Description = "Where to write the file (default: model-ID.automl or model-ID.onnx here)." };
        var download = new Command("download", "Download a model: its bundle, or ONNX when the model can be expressed in it.") { id, model, format, outputFile };
        download.Validators.Add(result =>
        {
            if (result.GetValue(id) is null == result.GetValue(model) is null)
            {
                result.AddError("Give the model's id once: automl models download ID.");
            }
        });
        download.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var modelId = (parse.GetValue(id) ?? parse.GetValue(model))!.Value;
            var onnx = parse.GetValue(format) == "onnx";
            var target = parse.GetValue(outputFile) ?? new FileInfo($"model-{modelId:N}.{(onnx ? "onnx" : "automl")}");
            var partial = target.FullName + ".partial";
            // Written aside and moved into place, so an interrupted download never leaves a truncated file under the name.
            try
            {
                await using var file = File.Create(partial);
                await client.Models.DownloadAsync(modelId, onnx ? ModelDownloadFormat.Onnx : ModelDownloadFormat.Bundle, file, ct);
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
                Output.Document(new { model = modelId, format = onnx ? "onnx" : "bundle", output = target.FullName, bytes });
            }
            else
            {
                output.Line($"{bytes} bytes written to {Markup.Escape(target.FullName)}");
            }
            return ExitCodes.Ok;
        }));
        return new Command("models", "Work with trained models.") { ModelsListCommand.Create(), ModelsShowCommand.Create(), ModelsCompareCommand.Create(), ModelsEffectsCommand.Create(), ModelsThresholdCommand.Create(), download };
    }
}
