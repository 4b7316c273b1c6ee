using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl endpoints predict`: a CSV's rows through an endpoint, each row with the version that answered it and the request's id for feedback.</summary>
internal static class EndpointsPredictCommand
{
    private const int BatchRows = 1000; // the API's limit per online prediction call

    public static Command Create()
    {
        var endpoint = new Option<string>("--endpoint") { Description = "The endpoint's name.", Required = true };
        var input = new Option<FileInfo>("--input") { Description = "A CSV of rows with a header of column names.", Required = true };
        var outputFile = new Option<FileInfo?>("--output") { Description = "Where to write the predictions CSV; stdout when absent." };
        var command = new Command("predict", "Predict the rows of a CSV file through an endpoint; the output adds the version and request_id of each row.") { endpoint, input, outputFile };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                return output.Fail(ExitCodes.Usage, "No such file", file.FullName);
            }
            var rows = await Csv.ReadRowsAsync(file.FullName, ct);
            var predictions = new List<Prediction>(rows.Count);
            // Each call is answered by one version (a split may pick the challenger), so each row keeps its call's.
            var answers = new List<EndpointPredictionResult>();
            var answerOfRow = new List<int>(rows.Count);
            foreach (var batch in rows.Chunk(BatchRows))
            {
                var answer = await client.Endpoints.PredictAsync(parse.GetValue(endpoint)!, batch, cancellationToken: ct);
                predictions.AddRange(answer.Predictions);
                answerOfRow.AddRange(Enumerable.Repeat(answers.Count, answer.Predictions.Count));
                answers.Add(answer);
            }
            var csv = PredictionCsv.Write(predictions, ["version", "request_id"], i =>
            {
                var answer = answers[answerOfRow[i]];
                return [answer.Version.ToString(CultureInfo.InvariantCulture), answer.RequestId.ToString()];
            });
            var requests = answers.Select(a => new { a.RequestId, a.RegisteredModel, a.Version, a.Alias, a.ModelId, rows = a.Predictions.Count, a.CreditsCharged }).ToList();
            if (parse.GetValue(outputFile) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, csv, ct);
                if (output.IsJson)
                {
                    Output.Document(new { rows = predictions.Count, output = target.FullName, requests });
                }
                else
                {
                    var versions = string.Join(", ", answers.Select(a => $"v{a.Version} ({a.Alias})").Distinct());
                    output.Line(Markup.Escape($"{predictions.Count} predictions by {answers.FirstOrDefault()?.RegisteredModel} {versions} written to {target.FullName}"));
                }
            }
            else if (output.IsJson)
            {
                Output.Document(new { predictions, requests });
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
