using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class DatasetsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV, Parquet or JSON file." };
        var wait = new Option<bool>("--wait") { Description = "Wait until ingestion ends; exit 6 when it failed." };
        var versionOf = new Option<Guid?>("--version-of") { Description = "Upload the file as the next version of this data set (the id of any of its versions).", HelpName = "ID" };
        var upload = new Command("upload", "Upload a file as a data set, or as a new version of one, and print its id.") { file, wait, versionOf };
        upload.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return output.Fail(ExitCodes.Usage, "No such file", path.FullName);
            }
            var lineage = parse.GetValue(versionOf);
            Task<Dataset> Send(IProgress<long>? sent) => lineage is { } of
                ? client.Datasets.UploadVersionFileAsync(of, path.FullName, sent, ct)
                : client.Datasets.UploadFileAsync(path.FullName, sent, ct);
            var dataset = output.ShowsProgress
                ? await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new TransferSpeedColumn(), new DownloadedColumn())
                    .StartAsync(async progress =>
                    {
                        var bar = progress.AddTask($"upload {Markup.Escape(path.Name)}", maxValue: Math.Max(1, path.Length));
                        return await Send(new Progress<long>(sent => bar.Value = sent));
                    })
                : await Send(null);
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
                var version = dataset.Version > 1 ? $" version {dataset.Version}" : string.Empty;
                output.Line($"[green]{dataset.Id}[/] {Markup.Escape(dataset.Name)}{version} ({dataset.Status}{Markup.Escape(rows)})");
                if (dataset.SchemaChanges is { } changes)
                {
                    output.Line(Markup.Escape(DatasetVersionsCommand.Describe(changes)));
                }
            }
            return ExitCodes.Ok;
        }));
        return new Command("datasets", "Work with data sets.") { DatasetsListCommand.List(), DatasetsListCommand.Show(), upload, DatasetVersionsCommand.Create(), DatasetChecksCommand.Create(), DatasetAssociationsCommand.Create(), Samples(), Sample() };
    }

    private static Command Samples()
    {
        var samples = new Command("samples", "List the sample data sets you can copy into your account with `automl datasets sample NAME`.");
        samples.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var list = await client.Datasets.ListSamplesAsync(ct);
            if (output.IsJson)
            {
                Output.Document(list);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("name", "title", "rows", "columns", "target", "task");
            foreach (var s in list)
            {
                table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Title), s.Rows.ToString(CultureInfo.InvariantCulture),
                    s.Columns.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Target), Markup.Escape(s.Task));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return samples;
    }

    private static Command Sample()
    {
        var name = new Argument<string>("NAME") { Description = "The sample's name, from `automl datasets samples` (e.g. penguins)." };
        var wait = new Option<bool>("--wait") { Description = "Wait until ingestion ends; exit 6 when it failed." };
        var sample = new Command("sample", "Copy a sample data set into your account and print its id and the target to train on.") { name, wait };
        sample.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var created = await client.Datasets.CreateFromSampleAsync(parse.GetValue(name)!, ct);
            var dataset = created.Dataset;
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
                Output.Document(new { dataset, target = created.Target, task = created.Task });
            }
            else
            {
                output.Line($"[green]{dataset.Id}[/] {Markup.Escape(dataset.Name)} ({dataset.Status}), target {Markup.Escape(created.Target)} ({Markup.Escape(created.Task)})");
                output.Line(Markup.Escape($"Train on it: automl train --dataset {dataset.Id} --target {created.Target}"));
            }
            return ExitCodes.Ok;
        }));
        return sample;
    }
}
