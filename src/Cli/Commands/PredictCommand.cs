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
        var input = new Option<FileInfo?>("--input") { Description = "A CSV of rows with a header of column names." };
        var dataset = new Option<Guid?>("--dataset") { Description = "With --batch: a ready data set of yours to predict instead of a file." };
        var batch = new Option<bool>("--batch")
        {
            Description = "Predict as one batch prediction job (any number of rows, priced per 1,000 like online calls): the file is uploaded as a data set first; waits for the job and writes its CSV.",
        };
        var outputFile = new Option<FileInfo?>("--output") { Description = "Where to write the predictions CSV; stdout when absent." };
        var command = new Command("predict", "Predict the rows of a CSV file with a model, online in calls of 1,000 rows, or with --batch as one job.") { model, input, dataset, batch, outputFile };
        command.Validators.Add(result =>
        {
            var hasInput = result.GetValue(input) is not null;
            var hasDataset = result.GetValue(dataset) is not null;
            if (!result.GetValue(batch) && hasDataset)
            {
                result.AddError("--dataset predicts a data set as a batch job: add --batch.");
            }
            else if (!result.GetValue(batch) && !hasInput)
            {
                result.AddError("Give the rows to predict: --input rows.csv (or --batch with --input or --dataset).");
            }
            else if (result.GetValue(batch) && hasInput == hasDataset)
            {
                result.AddError("With --batch, give either --input rows.csv or --dataset ID, not both.");
            }
        });
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            if (parse.GetValue(input) is { Exists: false } missing)
            {
                return output.Fail(ExitCodes.Usage, "No such file", missing.FullName);
            }
            return parse.GetValue(batch)
                ? await BatchAsync(client, output, parse.GetValue(model), parse.GetValue(input), parse.GetValue(dataset), parse.GetValue(outputFile), ct)
                : await OnlineAsync(client, output, parse.GetValue(model), parse.GetValue(input)!, parse.GetValue(outputFile), ct);
        }));
        return command;
    }

    private static async Task<int> OnlineAsync(AutoMlClient client, Output output, Guid model, FileInfo file, FileInfo? target, CancellationToken ct)
    {
        var rows = await Csv.ReadRowsAsync(file.FullName, ct);
        var predictions = new List<Prediction>(rows.Count);
        foreach (var batch in rows.Chunk(BatchRows))
        {
            predictions.AddRange(await client.Models.PredictAsync(model, batch, ct));
        }
        var csv = PredictionCsv.Write(predictions);
        if (target is not null)
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
    }

    /// <summary>A file becomes a data set first (the batch job reads data sets), then one job predicts it and its CSV is fetched.</summary>
    private static async Task<int> BatchAsync(AutoMlClient client, Output output, Guid model, FileInfo? file, Guid? datasetId, FileInfo? target, CancellationToken ct)
    {
        var dataset = datasetId ?? (await client.Datasets.UploadFileAsync(file!.FullName, null, ct)).Id;
        var settled = await client.Datasets.WaitUntilSettledAsync(dataset, ct);
        if (settled.Status != DatasetStatuses.Ready)
        {
            return output.Fail(ExitCodes.JobFailed, "The data set could not be read", settled.Error, settled);
        }
        var job = await client.Models.SubmitBatchPredictionAsync(model, dataset, null, ct);
        if (!output.IsJson)
        {
            Console.Error.WriteLine($"batch prediction job {job.Id} {job.Status}, {job.HeldCredits} credits held");
        }
        job = await client.Jobs.WaitForCompletionAsync(job.Id, null, ct);
        if (job.Status != JobStatuses.Succeeded)
        {
            return output.Fail(ExitCodes.JobFailed, $"The batch prediction {job.Status}", job.Error, job);
        }
        if (target is null && !output.IsJson)
        {
            await using var stdout = Console.OpenStandardOutput();
            await client.Models.DownloadBatchPredictionsAsync(job.Id, stdout, ct);
            return ExitCodes.Ok;
        }
        var path = target?.FullName ?? Path.GetFullPath($"predictions-{job.Id:N}.csv");
        var partial = path + ".partial";
        // Written aside and moved into place, so an interrupted download never leaves a truncated file under the name.
        try
        {
            await using (var stream = File.Create(partial))
            {
                await client.Models.DownloadBatchPredictionsAsync(job.Id, stream, ct);
            }
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        var rows = settled.Rows;
        if (output.IsJson)
        {
            Output.Document(new { job, dataset, rows, output = path });
        }
        else
        {
            output.Line($"{rows} predictions written to {Markup.Escape(path)}, {job.ChargedCredits} credits");
        }
        return ExitCodes.Ok;
    }
}
