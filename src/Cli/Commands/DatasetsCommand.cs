using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class DatasetsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV, Parquet or JSON file." };
        var wait = new Option<bool>("--wait") { Description = "Wait until ingestion ends; exit 6 when it failed." };
        var upload = new Command("upload", "Upload a file as a data set and print its id.") { file, wait };
        upload.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return output.Fail(ExitCodes.Usage, "No such file", path.FullName);
            }
            var dataset = output.ShowsProgress
                ? await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new TransferSpeedColumn(), new DownloadedColumn())
                    .StartAsync(async progress =>
                    {
                        var bar = progress.AddTask($"upload {Markup.Escape(path.Name)}", maxValue: Math.Max(1, path.Length));
                        return await client.Datasets.UploadFileAsync(path.FullName, new Progress<long>(sent => bar.Value = sent), ct);
                    })
                : await client.Datasets.UploadFileAsync(path.FullName, null, ct);
            if (parse.GetValue(wait))
            {
                dataset = output.ShowsProgress
                    ? await AnsiConsole.Status().StartAsync("ingesting…", _ => client.Datasets.WaitUntilSettledAsync(dataset.Id, ct))
                    : await client.Datasets.WaitUntilSettledAsync(dataset.Id, ct);
            }
            if (dataset.Status == DatasetStatuses.Failed)
            {
                return output.Fail(ExitCodes.JobFailed, "Ingestion failed", dataset.Error, dataset);
            }
            if (output.IsJson)
            {
                Output.Document(dataset);
            }
            else
            {
                var rows = dataset.Rows is { } n ? $", {n} rows, {dataset.Columns?.Count} columns, target suggestion: {dataset.TargetSuggestion ?? "none"}" : string.Empty;
                output.Line($"[green]{dataset.Id}[/] {Markup.Escape(dataset.Name)} ({dataset.Status}{Markup.Escape(rows)})");
            }
            return ExitCodes.Ok;
        }));
        return new Command("datasets", "Work with data sets.") { upload };
    }
}
