using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class PredictCommand
{
    private const int BatchRows = 1000; // the API's limit per online prediction call

    public static Command Create()
    {
        var model = new Option<Guid>("--model") { Description = "The model's id.", Required = true };
        var input = new Option<FileInfo>("--input") { Description = "A CSV of rows with a header of column names.", Required = true };
        var outputFile = new Option<FileInfo?>("--output") { Description = "Where to write the predictions CSV; stdout when absent." };
        var command = new Command("predict", "Predict the rows of a CSV file with a model.") { model, input, outputFile };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                return output.Fail(ExitCodes.Usage, "No such file", file.FullName);
            }
            var rows = await Csv.ReadRowsAsync(file.FullName, ct);
            var predictions = new List<Prediction>(rows.Count);
            foreach (var batch in rows.Chunk(BatchRows))
            {
                predictions.AddRange(await client.Models.PredictAsync(parse.GetValue(model), batch, ct));
            }
            var csv = PredictionCsv.Write(predictions);
            if (parse.GetValue(outputFile) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, csv, ct);
                if (output.IsJson)
                {
                    Output.Document(new { rows = predictions.Count, output = target.FullName });
                }
                else
                {
                    output.Line($"{predictions.Count} predictions written to {Markup.Escape(target.FullName)}");
                }
            }
            else if (output.IsJson)
            {
                Output.Document(new { predictions });
            }
            else
            {
                Console.Out.Write(csv);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
